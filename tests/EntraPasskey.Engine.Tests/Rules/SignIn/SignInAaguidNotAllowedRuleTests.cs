using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInAaguidNotAllowed: an AAGUID taken off an allow list stops registered passkeys of that model.</summary>
    public sealed class SignInAaguidNotAllowedRuleTests
    {
        [Fact]
        public void SignInAaguidNotAllowed_AModelTheAllowListLeavesOut_CannotSignIn()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(Profiles.Privileged()), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            SignInCheck.Blocked(diagnosis, "SignInAaguidNotAllowed");
            Assert.Contains("not on the allow list of passkey profile 'Privileged passkeys'", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInAaguidNotAllowed_AModelOnTheAllowList_SignsInEvenThoughTheProfileEnforcesAttestation()
        {
            // Privileged passkeys requires attestation; this passkey was registered without it (before), and that only
            // mattered at registration (ED how-to-authentication-passkey-profiles).
            var unattested = SignInCheck.Passkey(Aaguids.YubiKey5Nfc, attestation: "notAttested");

            var diagnosis = SignInCheck.Run(Profiles.Tenant(Profiles.Privileged()), SignInCheck.User(unattested));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInAaguidNotAllowed_TheLegacyTenantWideAllowList_AppliesAtSignInToo()
        {
            var tenant = new TenantBuilder().Legacy(isAttestationEnforced: false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(SignInCheck.Passkey(Aaguids.AuthenticatorIos)));

            SignInCheck.Blocked(diagnosis, "SignInAaguidNotAllowed");
            Assert.Contains("tenant-wide Passkey (FIDO2) settings", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInAaguidNotAllowed_AllowListNotEnforced_SignsIn()
        {
            var notEnforced = Profiles.Make(Profiles.DefaultId, "Dormant list", restrictions: new KeyRestrictions(false, KeyRestrictionMode.Allow, new[] { Aaguids.YubiKey5Nfc }));

            var diagnosis = SignInCheck.Run(Profiles.Tenant(notEnforced), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            SignInCheck.Ready(diagnosis);
        }
    }
}
