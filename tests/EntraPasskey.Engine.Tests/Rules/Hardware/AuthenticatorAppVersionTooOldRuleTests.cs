using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 6, AuthenticatorAppVersionTooOld (AuthenticatorAppVersionTooOldRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AuthenticatorAppVersionTooOldRuleTests
    {
        [Fact]
        public void AuthenticatorAppVersionTooOld_OldIosAppUnderAMixedProfile_Warns()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20", "iPhone 15"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AuthenticatorAppVersionTooOld", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("iPhone 15 6.8.20", diagnosis.Findings[PasskeyLayer.Hardware].Evidence["authenticatorApps"]);
            Assert.Equal("6.8.37", diagnosis.Findings[PasskeyLayer.Hardware].Evidence["minimumVersion"]);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OldAndroidApp_Warns()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.2401.0117", "Pixel 7"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal("AuthenticatorAppVersionTooOld", diagnosis.ReasonCode);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_CurrentApp_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OldAppUnderADeviceBoundOnlyProfile_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20"));
            var deviceBound = Profiles.Make(Profiles.DefaultId, "Device-bound", PasskeyTypes.DeviceBound);

            var diagnosis = Diagnose.Run(Profiles.Tenant(deviceBound), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OnlyAnAppOfTheOtherPlatform_IsNotCompared()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
