using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Passkeys
{
    /// <summary>The Passkey (FIDO2) method is off: nobody can register a passkey, and every attempt is a ticket.</summary>
    public sealed class PasskeysDisabledCheck : IDesignCheck
    {
        public string Id => "PasskeysDisabled";

        public string Title => "Passkeys (FIDO2) are enabled";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            if (input.Tenant.Fido2.Enabled)
            {
                return null;
            }

            return DesignOutcome.Fail(
                "The Passkey (FIDO2) method is disabled in the authentication methods policy, so no user can register a passkey: the option is missing from Security info.",
                "Enable Passkey (FIDO2) in Entra ID > Authentication methods > Policies for the broadest group you intend (All users, with one exclusion group).",
                Facts.Of(("fido2State", "disabled")),
                input.Sizes.Of(new[] { PolicyTarget.AllUsers() }, input.Tenant));
        }
    }
}
