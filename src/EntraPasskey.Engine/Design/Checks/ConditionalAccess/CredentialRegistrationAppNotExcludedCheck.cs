using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// An enabled All-resources policy requires an approved client app or an app protection policy without excluding
    /// the Microsoft Authenticator Credential Registration app. That app cannot satisfy those controls, so registering
    /// a passkey in Authenticator fails; Microsoft documents excluding the app as the fix.
    /// </summary>
    public sealed class CredentialRegistrationAppNotExcludedCheck : IDesignCheck
    {
        private static readonly string[] AppControls = { "approvedApplication", "compliantApplication" };

        public string Id => "CredentialRegistrationAppNotExcluded";

        public string Title => "App protection policies spare Authenticator passkey registration";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.AuthenticatorPasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant) || tenant.ConditionalAccess.Gap != null)
            {
                return null;
            }

            var offending = tenant.ConditionalAccess.AllResourcesPolicies
                .Where(p => p.State == ConditionalAccessState.Enabled
                    && p.Grant.BuiltInControls.Any(c => AppControls.Contains(c, StringComparer.OrdinalIgnoreCase))
                    && !p.ExcludeApplications.Contains(AllResourcesPolicies.CredentialRegistrationAppId, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (offending.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", offending.Select(p => $"'{p.DisplayName}'"));
            return DesignOutcome.Fail(
                $"All-resources policies require an approved client app or app protection without excluding the Microsoft Authenticator Credential Registration app ({names}), so passkey registration in Authenticator fails for users in scope.",
                $"Provision the service principal of {AllResourcesPolicies.CredentialRegistrationApp} in the tenant and exclude it from these policies.",
                Facts.Of(("policies", names)),
                PolicyAudience.Of(offending[0].Users, input));
        }
    }
}
