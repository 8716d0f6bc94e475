using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design
{
    public sealed class AudienceSizesTests
    {
        private readonly TenantSnapshot _tenant = new TenantBuilder().WithGroup(new GroupInfo("gone", "Gone", Exists: false)).Build();

        [Fact]
        public void AllUsers_IsTheTenantsCount()
        {
            Assert.Equal(100, DesignInputs.Sizes().Of(new[] { PolicyTarget.AllUsers() }, _tenant).Users);
        }

        [Fact]
        public void SeveralTargets_AreSummed_AsAnUpperBound()
        {
            var audience = DesignInputs.Sizes().Of(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers), PolicyTarget.Group(TenantBuilder.Engineering), PolicyTarget.User("u1") }, _tenant);

            Assert.Equal(101, audience.Users);
            Assert.StartsWith("at most 101", audience.Basis);
        }

        [Fact]
        public void ADeletedGroup_IsLeftOut_AndSaidSo()
        {
            var audience = DesignInputs.Sizes().Of(new[] { PolicyTarget.Group(TenantBuilder.Engineering), PolicyTarget.Group("gone") }, _tenant);

            Assert.Equal(20, audience.Users);
            Assert.Contains("deleted group gone (not counted)", audience.Basis);
        }

        [Fact]
        public void AnUncountedGroup_LeavesTheTotalUnknown()
        {
            var sizes = new AudienceSizes(100, new Dictionary<string, int>(), "Permission denied");

            var audience = sizes.Of(new[] { PolicyTarget.Group(TenantBuilder.Engineering) }, _tenant);

            Assert.Null(audience.Users);
            Assert.Contains("Permission denied", audience.Basis);
        }

        [Fact]
        public void Outside_IsTheRestOfTheTenant_NeverNegative()
        {
            var sizes = DesignInputs.Sizes(10);

            Assert.Equal(0, sizes.Outside(new Audience(12, "x")).Users);
            Assert.Equal(4, sizes.Outside(new Audience(6, "x")).Users);
        }
    }
}
