using System;
using System.Linq;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class PasskeyPolicyLimitsCheckTests
    {
        private const int Limit = 20 * 1024;
        private const int Near = Limit * 8 / 10;

        private readonly PasskeyPolicyLimitsCheck _check = new PasskeyPolicyLimitsCheck();

        [Fact]
        public void TenProfiles_AreAtTheLimit()
        {
            var outcome = _check.Evaluate(DesignInputs.For(Profiles.Tenant(ProfileSet(10)).Build()));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal("10", outcome.Evidence["passkeyProfiles"]);
            Assert.Contains("10 passkey profiles", outcome.Problem);
        }

        /// <summary>Three was the limit before May 2026; nine now leave room for one more audience.</summary>
        [Fact]
        public void NineProfiles_HaveRoom()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(ProfileSet(9)).Build())));
        }

        [Fact]
        public void PasskeyConfigurationAtEightyPercent_IsNearItsLimit()
        {
            var outcome = _check.Evaluate(WithSize(new MethodsPolicySize(Near, 1024)));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Contains("Passkey (FIDO2) configuration of 16.0 KB of its 20 KB", outcome.Problem);
            Assert.Null(outcome.Severity);
        }

        [Fact]
        public void PasskeyConfigurationJustUnderEightyPercent_HasRoom()
        {
            Assert.Null(_check.Evaluate(WithSize(new MethodsPolicySize(Near - 1, 1024))));
        }

        /// <summary>The other methods no longer share the passkey configuration's 20 KB, but have their own.</summary>
        [Fact]
        public void OtherMethodsAtEightyPercent_AreNearTheirLimit_JustUnderAreNot()
        {
            Assert.Contains("other authentication methods at 16.0 KB", _check.Evaluate(WithSize(new MethodsPolicySize(1024, Near)))!.Problem);
            Assert.Null(_check.Evaluate(WithSize(new MethodsPolicySize(1024, Near - 1))));
        }

        /// <summary>Before May 2026 both parts counted against one 20 KB; now 12 KB each is room, not a limit reached.</summary>
        [Fact]
        public void TwoPartsUnderTheirOwnLimits_HaveRoomTogether()
        {
            Assert.Null(_check.Evaluate(WithSize(new MethodsPolicySize(12 * 1024, 12 * 1024))));
        }

        [Fact]
        public void AFullPart_RaisesTheSeverity_OneByteShortDoesNot()
        {
            Assert.Equal(DesignSeverity.Medium, _check.Evaluate(WithSize(new MethodsPolicySize(Limit, 1024)))!.Severity);
            Assert.Equal(DesignSeverity.Medium, _check.Evaluate(WithSize(new MethodsPolicySize(1024, Limit)))!.Severity);
            Assert.Null(_check.Evaluate(WithSize(new MethodsPolicySize(Limit - 1, 1024)))!.Severity);
        }

        private static DesignInput WithSize(MethodsPolicySize size) =>
            new DesignInput(Profiles.Tenant(Profiles.Open()).Build(), DesignInputs.Now) { PolicySize = size };

        private static PasskeyProfile[] ProfileSet(int count) =>
            Enumerable.Range(1, count)
                .Select(i => Profiles.Open(i == 1 ? Profiles.DefaultId : new Guid(i, 0, 0, new byte[8]).ToString(), $"Profile {i}"))
                .ToArray();
    }
}
