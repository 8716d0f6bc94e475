using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Removal;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Removal
{
    /// <summary>Choosing the passkey to remove and refusing to take a user's last MFA method, without Graph.</summary>
    public sealed class RemovalPlannerTests
    {
        private static readonly Guid YubiKey = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8");

        private static readonly RegisteredMethod Keyring = UserBuilder.Passkey("keyring") with { DisplayName = "YubiKey (keyring)", Model = "YubiKey 5 Series", CreatedAt = Diagnose.Now.AddDays(-90) };
        private static readonly RegisteredMethod Desk = UserBuilder.Passkey("desk") with { DisplayName = "YubiKey (desk)", Model = "YubiKey 5 Series" };
        private static readonly RegisteredMethod Phone = new RegisteredMethod(MethodKind.Fido2, "phone") { DisplayName = "iPhone", Aaguid = Aaguids.AuthenticatorIos, PasskeyType = "deviceBound" };

        [Fact]
        public void ByMethodId_TheOneWithThatId()
        {
            var plan = Plan(User(Keyring, Desk, UserBuilder.Authenticator("6.8.40")), PasskeyRemovalRequest.ByMethodId("desk", false, false));

            Assert.Same(Desk, plan.Passkey);
            Assert.Equal("Remove passkey 'YubiKey (desk)' (id desk, YubiKey 5 Series)", plan.Action);
        }

        [Fact]
        public void ByMethodId_IdsAreCaseSensitive()
        {
            var error = Refused(User(Keyring, Desk), PasskeyRemovalRequest.ByMethodId("DESK", false, false));

            Assert.Equal("PasskeyNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.NotFound, error.Kind);
            Assert.Contains("'YubiKey (desk)' (id desk", error.Message);
            Assert.Equal("adele@contoso.com", error.Target);
        }

        [Fact]
        public void ByAaguid_OneMatch_IsChosen()
        {
            var plan = Plan(User(Keyring, Phone), PasskeyRemovalRequest.ByAaguid(Aaguids.AuthenticatorIos, false, false));

            Assert.Same(Phone, plan.Passkey);
        }

        [Fact]
        public void ByAaguid_TwoKeysOfOneModel_IsAmbiguousAndListsBoth()
        {
            var error = Refused(User(Keyring, Desk, Phone), PasskeyRemovalRequest.ByAaguid(YubiKey, false, false));

            Assert.Equal("PasskeyAmbiguous", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("2 passkeys", error.Message);
            Assert.Contains("(id keyring", error.Message);
            Assert.Contains("(id desk", error.Message);
            Assert.DoesNotContain("(id phone", error.Message);
            Assert.Contains("-MethodId", error.RecommendedAction);
        }

        [Fact]
        public void ByAaguid_NoPasskeyOfThatModel_IsNotFound()
        {
            var error = Refused(User(Phone, UserBuilder.Authenticator("6.8.40")), PasskeyRemovalRequest.ByAaguid(YubiKey, false, false));

            Assert.Equal("PasskeyNotFound", error.ErrorId);
            Assert.Contains($"no passkey with AAGUID {YubiKey}", error.Message);
        }

        [Fact]
        public void NoPasskeyAtAll_SaysSo()
        {
            var error = Refused(User(UserBuilder.Authenticator("6.8.40")), PasskeyRemovalRequest.ByMethodId("desk", false, false));

            Assert.Contains("They have no passkey registered.", error.Message);
        }

        [Fact]
        public void LastMfaMethod_IsRefusedNamingTheMethodsThatCannot()
        {
            var error = Refused(User(Keyring, UserBuilder.Email), PasskeyRemovalRequest.ByMethodId("keyring", false, false));

            Assert.Equal("LastMfaMethod", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Contains("the last method Adele Vance can complete multifactor authentication with (their other methods, password, email, cannot)", error.Message);
            Assert.Contains("New-PasskeyBootstrapTap", error.RecommendedAction);
            Assert.Contains("-Force", error.RecommendedAction);
        }

        [Fact]
        public void LastMfaMethod_WithForce_IsPlannedAndLeavesNothing()
        {
            var plan = Plan(User(Keyring), PasskeyRemovalRequest.ByMethodId("keyring", true, true));

            Assert.True(plan.RemovesLastMfaMethod);
            Assert.Empty(plan.RemainingMfa);
            Assert.Contains("the user's last method that can complete multifactor authentication, and revoke the user's sign-in sessions", plan.Action);
        }

        [Fact]
        public void OneOtherMfaMethod_IsEnoughToRemoveWithoutForce()
        {
            var plan = Plan(User(Keyring, UserBuilder.MobilePhone), PasskeyRemovalRequest.ByMethodId("keyring", false, false));

            Assert.False(plan.RemovesLastMfaMethod);
            Assert.Equal(new[] { "phone (mobile)" }, plan.RemainingMfaNames);
        }

        [Fact]
        public void ASecondPasskey_CountsAsTheRemainingMfaMethod()
        {
            var plan = Plan(User(Keyring, Desk), PasskeyRemovalRequest.ByMethodId("keyring", false, false));

            Assert.Same(Desk, plan.RemainingMfa.Single());
        }

        [Fact]
        public void AnOtherMethodThePolicyDisallows_DoesNotCount()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms));

            var error = Refused(User(Keyring, UserBuilder.MobilePhone), PasskeyRemovalRequest.ByMethodId("keyring", false, false), tenant);

            Assert.Equal("LastMfaMethod", error.ErrorId);
        }

        [Fact]
        public void APasskeyThatCannotCompleteMfaItself_IsNotTheLastMfaMethod()
        {
            // Out of the Passkey (FIDO2) targets, the passkey counts for nothing: removing it takes nothing away.
            var user = new UserBuilder().InGroups().WithMethods(UserBuilder.Password, Keyring);

            var plan = RemovalPlanner.Plan(new TenantBuilder().Build(), user.Build(), PasskeyRemovalRequest.ByMethodId("keyring", false, false), Diagnose.Now, "adele@contoso.com");

            Assert.False(plan.RemovesLastMfaMethod);
            Assert.Empty(plan.RemainingMfa);
        }

        [Fact]
        public void NextSteps_WithAMethodLeft_RegisterAReplacementWithIt()
        {
            var plan = Plan(User(Keyring, UserBuilder.Authenticator("6.8.40")), PasskeyRemovalRequest.ByMethodId("keyring", false, false));

            var steps = RemovalNextSteps.For(plan, sessionsRevoked: false);

            Assert.Contains("signs in at https://aka.ms/mysecurityinfo with Microsoft Authenticator 'Phone' and registers a replacement passkey", steps);
            Assert.Contains("also revoke their sign-in sessions (-RevokeSessions)", steps);
            Assert.DoesNotContain("Temporary Access Pass", steps);
        }

        [Fact]
        public void NextSteps_WithNothingLeft_ATemporaryAccessPass()
        {
            var plan = Plan(User(Keyring), PasskeyRemovalRequest.ByMethodId("keyring", true, true));

            var steps = RemovalNextSteps.For(plan, sessionsRevoked: true);

            Assert.Contains("issue a Temporary Access Pass (pipe this result to New-PasskeyBootstrapTap)", steps);
            Assert.Contains("sign-in sessions were revoked", steps);
        }

        private static UserBuilder User(params RegisteredMethod[] methods) =>
            new UserBuilder().InGroups(TenantBuilder.PasskeyUsers).WithMethods(new[] { UserBuilder.Password }.Concat(methods).ToArray());

        private static RemovalPlan Plan(UserBuilder user, PasskeyRemovalRequest request) =>
            RemovalPlanner.Plan(new TenantBuilder().Build(), user.Build(), request, Diagnose.Now, "adele@contoso.com");

        private static EntraPasskeyException Refused(UserBuilder user, PasskeyRemovalRequest request, TenantBuilder? tenant = null) =>
            Assert.Throws<EntraPasskeyException>(() => RemovalPlanner.Plan((tenant ?? new TenantBuilder()).Build(), user.Build(), request, Diagnose.Now, "adele@contoso.com"));
    }
}
