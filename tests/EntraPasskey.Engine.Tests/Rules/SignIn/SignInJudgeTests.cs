using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Sign-in, the verdict (NoPasskeyRegistered and how per-passkey findings combine): a user whose only passkey is
    /// unusable is Blocked; one usable passkey among several is not.
    /// </summary>
    public sealed class SignInJudgeTests
    {
        private static readonly PasskeyProfile NoFeitian = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

        [Fact]
        public void NoPasskeyRegistered_NothingToSignInWith_IsBlockedForTheUser()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Authenticator("6.8.40")));

            Assert.Equal((Verdict.Blocked, "NoPasskeyRegistered", (OwnerQueue?)OwnerQueue.User), (diagnosis.Verdict, diagnosis.ReasonCode, diagnosis.Owner));
            Assert.Empty(diagnosis.Passkeys);
            Assert.Contains("Test-EntraPasskey", diagnosis.Summary);
        }

        [Fact]
        public void NoPasskeyRegistered_OnePasskey_IsNotIt()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()));

            SignInCheck.Ready(diagnosis);
            Assert.Equal("Ready: Adele Vance can sign in with 'YubiKey 5'.", diagnosis.Summary);
        }

        [Fact]
        public void TheOnlyPasskeyUnusable_IsBlocked()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass, "f", "Feitian")));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.StartsWith("Blocked: Adele Vance cannot sign in with their only passkey.", diagnosis.Summary);
        }

        [Fact]
        public void OneUsableAmongSeveral_IsAtRiskWithTheUnusableOnesReason()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian), SignInCheck.User(
                SignInCheck.Passkey(Aaguids.FeitianEpass, "f1", "Feitian 1"),
                SignInCheck.Passkey(Aaguids.FeitianEpass, "f2", "Feitian 2"),
                SignInCheck.Passkey(Aaguids.YubiKey5Nfc, "y", "YubiKey")));

            Assert.Equal((Verdict.AtRisk, "SignInAaguidBlocked"), (diagnosis.Verdict, diagnosis.ReasonCode));
            Assert.Equal(3, diagnosis.Passkeys.Count);
            Assert.Equal("Feitian 1: Fail SignInAaguidBlocked | Feitian 2: Fail SignInAaguidBlocked | YubiKey: Pass", diagnosis.Passkeys.ToString());
        }

        [Fact]
        public void UnknownBesideAUsablePasskey_IsNamedWithoutDecidingTheVerdict()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var noType = SignInCheck.Passkey(Aaguids.Unknown, "u", "Mystery key") with { PasskeyType = null };

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(noType, SignInCheck.Passkey(Aaguids.YubiKey5Nfc, "y", "YubiKey")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.EndsWith("Passkey 'Mystery key' is unknown (SignInProfileUnresolved).", diagnosis.Summary);
        }

        [Fact]
        public void AFailureAndAnUnknownWithNothingUsable_IsUnknownNotBlocked()
        {
            var noAaguid = SignInCheck.Passkey(Aaguids.Unknown, "u", "Mystery key") with { Aaguid = null, PasskeyType = null };
            var restricted = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.DefaultId) }, new PolicyTarget[0])
                .Profiles(Profiles.Make(Profiles.DefaultId, "Allow YubiKeys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)));

            var diagnosis = SignInCheck.Run(restricted, SignInCheck.User(noAaguid, SignInCheck.Passkey(Aaguids.FeitianEpass, "f", "Feitian")));

            Assert.Equal((Verdict.Unknown, "SignInProfileUnresolved"), (diagnosis.Verdict, diagnosis.ReasonCode));
        }

        [Fact]
        public void EachPasskey_CarriesWhatGraphSaysOfIt()
        {
            var passkey = SignInCheck.Passkey(Aaguids.YubiKey5Nfc, "y", "YubiKey", attestation: "notAttested");

            var check = SignInCheck.Only(SignInCheck.Run(new TenantBuilder(), SignInCheck.User(passkey)));

            Assert.Equal(("y", "YubiKey", Aaguids.YubiKey5Nfc, "YubiKey", "deviceBound", "notAttested", Diagnose.Now.AddDays(-30)),
                (check.MethodId, check.Name, check.Aaguid!.Value, check.Model, check.PasskeyType, check.AttestationLevel, check.CreatedDateTime!.Value));
        }
    }
}
