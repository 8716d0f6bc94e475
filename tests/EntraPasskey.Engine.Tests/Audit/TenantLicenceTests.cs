using System;
using EntraPasskey.Engine.Audit;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    public sealed class TenantLicenceTests
    {
        private static readonly Guid P1 = new Guid("41781fb2-bc02-4b7c-bd55-b576c07bb09d");
        private static readonly Guid P2 = new Guid("eec0eb4f-6444-4f95-aba0-50c24d67f998");
        private static readonly Guid Exchange = new Guid("efb87545-963c-4e0d-99df-69c6916d9eb0");

        [Theory]
        [InlineData("P1", "Enabled", true)]
        [InlineData("P2", "Enabled", true)]
        [InlineData("P1", "Warning", true)]
        [InlineData("P1", "Suspended", false)]
        [InlineData("P2", "Deleted", false)]
        [InlineData("Exchange", "Enabled", false)]
        public void IsPremium_EnabledEntraPlanCounts(string plan, string status, bool premium)
        {
            var id = plan == "P1" ? P1 : plan == "P2" ? P2 : Exchange;

            Assert.Equal(premium, TenantLicence.IsPremium(new (Guid?, string?)[] { (id, status) }));
        }

        [Fact]
        public void IsPremium_NoPlans_IsFree()
        {
            Assert.False(TenantLicence.IsPremium(Array.Empty<(Guid?, string?)>()));
        }

        [Fact]
        public void RetentionDays_FreeSevenPremiumThirty()
        {
            Assert.Equal(7, TenantLicence.RetentionDays(false));
            Assert.Equal(30, TenantLicence.RetentionDays(true));
        }
    }
}
