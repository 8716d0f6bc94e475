using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInProfileUnresolved: Unknown when the profiles cannot be decided, never a failure on a guess.</summary>
    public sealed class SignInProfileUnresolvedRuleTests
    {
        private const string MissingProfile = "0f0f0f0f-0000-0000-0000-0000000000ff";

        [Fact]
        public void SignInProfileUnresolved_TheOnlyOtherProfileIsMissing_IsUnknown()
        {
            var blocking = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.DefaultId, MissingProfile) }, Array.Empty<PolicyTarget>())
                .Profiles(blocking);

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("SignInProfileUnresolved", diagnosis.ReasonCode);
            var check = SignInCheck.Only(diagnosis);
            Assert.Null(check.CanSignIn);
            Assert.Contains(MissingProfile, check.Message);
        }

        [Fact]
        public void SignInProfileUnresolved_ATypeRestrictionWithoutAType_IsUnknown()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var unknownModel = SignInCheck.Passkey(Aaguids.Unknown) with { PasskeyType = null };

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(unknownModel));

            Assert.Equal("SignInProfileUnresolved", SignInCheck.Only(diagnosis).ReasonCode);
            Assert.Contains("whether this passkey is synced is unknown", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInProfileUnresolved_OneProfileAdmitsIt_MissingOnesDoNotMatter()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.DefaultId, MissingProfile) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open());

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            SignInCheck.Ready(diagnosis);
        }
    }
}
