using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The MFA-capable methods a user can set up themselves in Security info that the authentication methods policy
    /// allows them, so a remediation names only methods that would count once registered (as MfaCapability judges
    /// them: a method configuration the tenant does not return does not stand in the way).
    /// </summary>
    public static class MfaAlternatives
    {
        private static readonly (string Name, string[] Policies)[] Candidates =
        {
            ("Microsoft Authenticator", new[] { MethodPolicyIds.MicrosoftAuthenticator }),
            ("a phone", new[] { MethodPolicyIds.Sms, MethodPolicyIds.Voice }),
            ("an authenticator app code (software OATH)", new[] { MethodPolicyIds.SoftwareOath }),
        };

        public static IReadOnlyList<string> For(TenantSnapshot tenant, UserEvidence user) =>
            Candidates.Where(c => Targeting.IsAllowedByAny(c.Policies, tenant, user)).Select(c => c.Name).ToList();

        /// <summary>"Microsoft Authenticator or a phone"; null when there is none.</summary>
        public static string? Describe(IReadOnlyList<string> names) => names.Count == 0 ? null : MessageText.OrList(names);
    }
}
