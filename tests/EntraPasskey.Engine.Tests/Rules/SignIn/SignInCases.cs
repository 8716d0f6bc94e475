using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Authentication strengths and All-resources policies for the sign-in rule tests.</summary>
    internal static class SignInCases
    {
        /// <summary>Password and Microsoft Authenticator approval only: no passkey meets it.</summary>
        internal static readonly AuthenticationStrength AuthenticatorApproval = new AuthenticationStrength(
            "5a3b2c1d-0000-0000-0000-00000000000c", "Authenticator approval",
            new IReadOnlyCollection<string>[] { new[] { "password", "microsoftAuthenticatorPush" } });

        /// <summary>Passkeys of the YubiKey 5 NFC model only (a fido2 combination configuration).</summary>
        internal static AuthenticationStrength CompanyYubiKeys(params Guid[] allowed) =>
            new AuthenticationStrength("5a3b2c1d-0000-0000-0000-00000000000d", "Company YubiKeys", new IReadOnlyCollection<string>[] { new[] { "fido2" } })
            {
                AllowedFido2Aaguids = allowed.Length == 0 ? new[] { Aaguids.YubiKey5Nfc } : allowed,
            };

        internal static TenantBuilder Tenant(params RegistrationPolicyBuilder[] allResources) => ConditionalAccessCases.Tenant(allResources);

        internal static PasskeySignInDiagnosis YubiKeyUser(TenantBuilder tenant) =>
            SignInCheck.Run(tenant, SignInCheck.User(SignInCheck.Passkey(Aaguids.YubiKey5Nfc, name: "YubiKey")));
    }
}
