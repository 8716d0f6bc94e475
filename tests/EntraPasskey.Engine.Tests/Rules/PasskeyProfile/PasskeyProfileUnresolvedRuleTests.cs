using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, PasskeyProfileUnresolved (PasskeyProfileUnresolvedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class PasskeyProfileUnresolvedRuleTests
    {
        [Fact]
        public void PasskeyProfileUnresolved_TargetNamesAMissingProfile_IsUnknown()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
            Assert.Equal(Profiles.OtherId, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["missingProfiles"]);
        }

        [Fact]
        public void PasskeyProfileUnresolved_UnionRejectsButAMissingProfileMightAccept_IsUnknownNotBlocked()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AMissingProfileBesideOneThatAccepts_IsReady()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AnUnreadableAttestationSettingThatDecides_IsUnknown()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Future", attestation: AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.ICloudKeychain);

            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
            Assert.Contains("cannot read", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AnUnreadableSettingBesideAProfileThatAccepts_IsReady()
        {
            var future = Profiles.Make(Profiles.OtherId, "Future", attestation: AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(future, Profiles.Open()), new UserBuilder(), Aaguids.ICloudKeychain);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
