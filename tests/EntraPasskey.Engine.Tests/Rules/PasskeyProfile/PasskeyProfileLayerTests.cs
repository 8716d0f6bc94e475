using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2 as a whole: what it says when no single rule decides.</summary>
    public sealed class PasskeyProfileLayerTests
    {
        [Fact]
        public void Union_AnyOneProfileThatAcceptsIsEnough()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.DefaultId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged());
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            var diagnosis = Diagnose.Run(tenant, user, Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("accepted by passkey profile 'Default passkey profile'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void Union_EveryProfileRejecting_BlocksAndListsEachProfilesReason()
        {
            var blocking = Profiles.Make(Profiles.OtherId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.OtherId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged(), blocking);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            var diagnosis = Diagnose.Run(tenant, user, Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "AaguidBlocked");
            var message = diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message;
            Assert.Contains("allow list of passkey profile 'Privileged passkeys'", message);
            Assert.Contains("block list of passkey profile 'No Feitian'", message);
            Assert.Equal("'Privileged passkeys', 'No Feitian'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void Union_ProfilesOfTargetsTheUserIsNotInDoNotCount()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.DefaultId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyUsers), Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
        }

        [Fact]
        public void TargetWithoutProfiles_GetsTheDefaultProfile()
        {
            var restrictive = Profiles.Make(Profiles.DefaultId, "Default passkey profile", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) }, Array.Empty<PolicyTarget>())
                .Profiles(restrictive, Profiles.Privileged())
                .DefaultProfile(Profiles.DefaultId);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Contains("(default: the target names none)", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["profileSources"]);
        }

        [Fact]
        public void WithoutAHint_LayerTwoSaysWhatTheProfilesAcceptByName()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder()).Findings[PasskeyLayer.PasskeyProfile];

            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.Null(finding.ReasonCode);
            Assert.Equal(
                "Passkey profile 'Privileged passkeys' (device-bound passkeys only, attestation required, allow list of 3 AAGUIDs) accepts Microsoft Authenticator for Android, Microsoft Authenticator for iOS, YubiKey 5 Series with NFC; not synced passkeys, not Windows Hello passkeys.",
                finding.Message);
            Assert.Equal("Microsoft Authenticator for Android, Microsoft Authenticator for iOS, YubiKey 5 Series with NFC", finding.Evidence["acceptedAuthenticators"]);
        }

        [Fact]
        public void WithoutAHint_AProfileThatAcceptsManyModels_IsSaidAsCountsWithAuthenticatorAndTheUsersOwnModel()
        {
            var open = Profiles.Make(Profiles.DefaultId, "Default passkey profile");
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.Passkey());

            var message = Diagnose.Run(Profiles.Tenant(open), user).Findings[PasskeyLayer.PasskeyProfile].Message;

            Assert.Matches(@"accepts Microsoft Authenticator, \d+ security keys, \d+ platform passkeys, \d+ password managers and \d+ other authenticator apps from the catalog, among them YubiKey 5 Series, which Adele Vance has registered\.$", message);
            Assert.DoesNotContain("more models", message);
        }

        [Fact]
        public void WithoutAHint_AManyModelProfile_NamesNoModelOfAUserWithoutPasskeys()
        {
            var open = Profiles.Make(Profiles.DefaultId, "Default passkey profile");

            var message = Diagnose.Run(Profiles.Tenant(open), new UserBuilder()).Findings[PasskeyLayer.PasskeyProfile].Message;

            Assert.EndsWith(" from the catalog.", message);
            Assert.DoesNotContain("among them", message);
        }

        [Fact]
        public void WhenPasskeysDoNotApplyToTheUser_NoProfileIsEvaluated()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder().InGroups(TenantBuilder.Engineering), Aaguids.FeitianEpass);

            Assert.Equal("UserNotTargeted", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.NotChecked, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("see layer 1", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }
    }
}
