using System;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Passkeys
{
    /// <summary>
    /// "Allow self-service set up" is off: users cannot register a passkey in Security info even where the method is
    /// enabled for them. The setting is global, not per profile, and a passkey registration campaign needs it too.
    /// </summary>
    public sealed class SelfServiceSetupDisabledCheck : IDesignCheck
    {
        public string Id => "SelfServiceSetupDisabled";

        public string Title => "Users can set up passkeys themselves";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            if (!fido2.Enabled || fido2.IsSelfServiceRegistrationAllowed)
            {
                return null;
            }

            return DesignOutcome.Fail(
                "Passkeys are enabled but 'Allow self-service set up' is off (isSelfServiceRegistrationAllowed false), so the users it targets cannot add a passkey in Security info.",
                "Set 'Allow self-service set up' to Yes on the Configure tab of the Passkey (FIDO2) policy.",
                Facts.Of(("isSelfServiceRegistrationAllowed", "false")),
                input.Sizes.Of(fido2.IncludeTargets, input.Tenant));
        }
    }
}
