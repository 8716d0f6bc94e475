using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, AaguidNotReported (AaguidNotReportedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AaguidNotReportedRuleTests
    {
        [Fact]
        public void AaguidNotReported_AllZerosAgainstAnAllowList_BlocksAndSaysNoEntryCanNameIt()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Guid.Empty);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotReported");
            var finding = diagnosis.Findings[PasskeyLayer.PasskeyProfile];
            Assert.Contains("all-zero AAGUID", finding.Message);
            Assert.Contains("the allow lists of 'Privileged passkeys'", finding.Message);
            Assert.Contains("YubiKey 5 Series with NFC", finding.Remediation);
            Assert.DoesNotContain(Guid.Empty.ToString(), finding.Remediation);
            Assert.Equal("Privileged passkeys", finding.Evidence["rejectedBy"]);
        }

        [Fact]
        public void AaguidNotReported_AllZerosAgainstTheTenantWideAllowList_Blocks()
        {
            var tenant = new TenantBuilder().Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Guid.Empty);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotReported");
            Assert.Contains("the tenant-wide allow list", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void AaguidNotReported_ARealAaguidMissingFromTheList_IsAaguidNotAllowed()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.Unknown);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
        }

        [Fact]
        public void AaguidNotReported_AllZerosWhenAnotherProfileHasNoAllowList_IsNotRejectedAtLayer2()
        {
            var tenant = Profiles.Tenant(Profiles.Privileged(), Profiles.Open(Profiles.OtherId, "Everyone's passkeys"));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Guid.Empty);

            Assert.NotEqual("AaguidNotReported", diagnosis.ReasonCode);
            Assert.NotEqual(FindingStatus.Fail, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
        }

        [Fact]
        public void AaguidNotReported_AllZerosWithoutKeyRestrictions_IsNotThisReason()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Guid.Empty);

            Assert.NotEqual("AaguidNotReported", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
        }
    }
}
