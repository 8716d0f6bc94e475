using System;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class SyncedPasskeysLockedOutCheckTests
    {
        private readonly SyncedPasskeysLockedOutCheck _check = new SyncedPasskeysLockedOutCheck();

        [Fact]
        public void SyncedPasskeyUnderADeviceBoundOnlyProfile_Fails()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Migrated", PasskeyTypes.DeviceBound);

            var outcome = _check.Evaluate(Input(Profiles.Tenant(profile).Build(), Holder("synced", Aaguids.ICloudKeychain)));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal("holder@contoso.com", outcome.Evidence["lockedOutUsers"]);
            Assert.Equal(1, outcome.Affected!.Users);
        }

        [Fact]
        public void SyncedPasskeyUnderAProfileThatAdmitsSynced_Passes()
        {
            Assert.Null(_check.Evaluate(Input(Profiles.Tenant(Profiles.Open()).Build(), Holder("synced", Aaguids.ICloudKeychain))));
        }

        [Fact]
        public void DeviceBoundPasskeyUnderADeviceBoundProfile_Passes()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Migrated", PasskeyTypes.DeviceBound);

            Assert.Null(_check.Evaluate(Input(Profiles.Tenant(profile).Build(), Holder("deviceBound", Aaguids.YubiKey5Nfc))));
        }

        [Fact]
        public void NoReport_IsUnknown()
        {
            var input = new DesignInput(Profiles.Tenant(Profiles.Open()).Build(), DesignInputs.Now)
            {
                SyncedPasskeys = SyncedPasskeyHolders.Unavailable(new EvidenceGap("Neither tenant is B2C or tenant doesn't have premium license", null, true)),
            };

            Assert.Equal(FindingStatus.Unknown, _check.Evaluate(input)!.Status);
        }

        private static DesignInput Input(TenantSnapshot tenant, UserEvidence holder) =>
            new DesignInput(tenant, DesignInputs.Now) { SyncedPasskeys = SyncedPasskeyHolders.Read(new[] { holder }, 1) };

        private static UserEvidence Holder(string passkeyType, Guid aaguid) =>
            new UserEvidence(
                "44444444-0000-0000-0000-000000000001", "holder@contoso.com", "Holder", true, "Member", null, null,
                new[] { new RegisteredMethod(MethodKind.Fido2, "p1") { Aaguid = aaguid, PasskeyType = passkeyType } },
                new[] { TenantBuilder.PasskeyUsers });
    }
}
