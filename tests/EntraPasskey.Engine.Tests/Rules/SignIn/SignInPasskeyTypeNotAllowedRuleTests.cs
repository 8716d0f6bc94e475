using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInPasskeyTypeNotAllowed: synced passkeys turned off stop registered synced passkeys.</summary>
    public sealed class SignInPasskeyTypeNotAllowedRuleTests
    {
        private static readonly PasskeyProfile DeviceBoundOnly = Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound);

        [Fact]
        public void SignInPasskeyTypeNotAllowed_ASyncedPasskeyUnderADeviceBoundOnlyProfile_CannotSignIn()
        {
            var synced = SignInCheck.Passkey(Aaguids.GooglePasswordManager, name: "Google Password Manager", passkeyType: "synced", attestation: "notAttested");

            var diagnosis = SignInCheck.Run(Profiles.Tenant(DeviceBoundOnly), SignInCheck.User(synced));

            SignInCheck.Blocked(diagnosis, "SignInPasskeyTypeNotAllowed");
            Assert.Contains("admits device-bound passkeys only, and this passkey is synced", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInPasskeyTypeNotAllowed_GraphsTypeWins_OverTheCatalogsGuess()
        {
            // Graph says deviceBound; the catalog would call the model synced. What Graph registered is the fact.
            var graphSaysDeviceBound = SignInCheck.Passkey(Aaguids.GooglePasswordManager, passkeyType: "deviceBound");

            var diagnosis = SignInCheck.Run(Profiles.Tenant(DeviceBoundOnly), SignInCheck.User(graphSaysDeviceBound));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInPasskeyTypeNotAllowed_OneOfTwoPasskeys_IsAtRiskNotBlocked()
        {
            var synced = SignInCheck.Passkey(Aaguids.ICloudKeychain, "synced-1", "iCloud Keychain", "synced", "notAttested");
            var key = SignInCheck.Passkey(Aaguids.YubiKey5Nfc, "key-1", "YubiKey");

            var diagnosis = SignInCheck.Run(Profiles.Tenant(DeviceBoundOnly), SignInCheck.User(synced, key));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("SignInPasskeyTypeNotAllowed", diagnosis.ReasonCode);
            Assert.Equal(new bool?[] { false, true }, new[] { diagnosis.Passkeys[0].CanSignIn, diagnosis.Passkeys[1].CanSignIn });
            Assert.StartsWith("At risk: Adele Vance can sign in with 'YubiKey', but not with 'iCloud Keychain'.", diagnosis.Summary);
        }
    }
}
