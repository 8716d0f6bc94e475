using System;
using System.Linq;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Bootstrap.Checks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Bootstrap
{
    /// <summary>Every pre-issue check: a case that produces it and one that nearly does but must not; and what -Force changes.</summary>
    public sealed class TapPreflightTests
    {
        private static readonly BootstrapTapRequest Default = Request();

        [Fact]
        public void Cleared_TargetedMemberWithoutPass_IssuesWithoutQuestions()
        {
            var decision = Decide(new TenantBuilder(), TapUser());

            Assert.Null(decision.Refusal);
            Assert.Null(decision.Confirmation);
            Assert.Empty(decision.Forced);
        }

        [Fact]
        public void AccountDisabled_DisabledAccount_IsRefusedEvenWithForce()
        {
            var decision = Decide(new TenantBuilder(), TapUser().Disabled(), Request(force: true));

            AssertRefused(decision, AccountDisabledCheck.ErrorId, ErrorKind.InvalidOperation);
            Assert.Contains("disabled", decision.Refusal!.Message);
        }

        [Fact]
        public void AccountDisabled_EnabledStateUnknown_IsNotRefused()
        {
            var user = new UserEvidence("aaaaaaaa-0000-0000-0000-000000000009", "new.hire@contoso.com", null, null, "Member", null, null,
                Array.Empty<RegisteredMethod>(), new[] { TenantBuilder.TapOnboarding });

            var decision = TapPreflight.Decide(new TapCheckInput(new TenantBuilder().Build(), user, Default), force: false);

            Assert.Null(decision.Refusal);
        }

        [Theory]
        [InlineData("Guest", "Accepted", "Invitation")]
        [InlineData("Member", "Accepted", null)]
        [InlineData("Guest", null, "Invitation")]
        public void ExternalGuest_B2bCollaborationUser_IsRefusedEvenWithForce(string userType, string? externalUserState, string? creationType)
        {
            var decision = Decide(new TenantBuilder(), TapUser().Guest(userType, externalUserState, creationType), Request(force: true));

            AssertRefused(decision, ExternalGuestCheck.ErrorId, ErrorKind.InvalidOperation);
            Assert.Contains("Temporary Access Pass cannot be added to an external guest user.", decision.Refusal!.Message);
        }

        [Fact]
        public void ExternalGuest_InternalGuest_IsNotRefused()
        {
            var decision = Decide(new TenantBuilder(), TapUser().Guest("Guest", null, null));

            Assert.Null(decision.Refusal);
        }

        [Theory]
        [InlineData(59)]
        [InlineData(481)]
        [InlineData(43200)]
        public void LifetimeOutsidePolicy_OutsideMinimumOrMaximum_IsRefusedNamingTheRange(int lifetime)
        {
            var decision = Decide(new TenantBuilder(), TapUser(), Request(lifetime: lifetime, force: true));

            AssertRefused(decision, LifetimeOutsidePolicyCheck.ErrorId, ErrorKind.InvalidArgument);
            Assert.Contains($"A lifetime of {lifetime} minutes", decision.Refusal!.Message);
            Assert.Contains("60 to 480 minutes", decision.Refusal.Message);
            Assert.Contains("between 60 and 480", decision.Refusal.RecommendedAction);
        }

        [Theory]
        [InlineData(60)]
        [InlineData(480)]
        [InlineData(null)]
        public void LifetimeOutsidePolicy_AtTheEdgesOrTheDefault_IsNotRefused(int? lifetime)
        {
            var decision = Decide(new TenantBuilder(), TapUser(), Request(lifetime: lifetime));

            Assert.Null(decision.Refusal);
        }

        [Fact]
        public void LifetimeOutsidePolicy_NoLifetimeAsked_UsesThePolicyDefault()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: true, usableOnce: true, defaultLifetime: 120)).Build();

            var input = new TapCheckInput(tenant, TapUser().Build(), Default);

            Assert.Equal(120, input.LifetimeInMinutes);
        }

        [Fact]
        public void MultiUseNotAllowed_MultiUseWhilePolicyForcesOneTime_IsRefusedEvenWithForce()
        {
            var decision = Decide(new TenantBuilder(), TapUser(), Request(usableOnce: false, force: true));

            AssertRefused(decision, MultiUseNotAllowedCheck.ErrorId, ErrorKind.InvalidArgument);
            Assert.Contains("only one-time passes", decision.Refusal!.Message);
        }

        [Fact]
        public void MultiUseNotAllowed_MultiUseWhilePolicyAllowsIt_IsNotRefused()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: true, usableOnce: false));

            var decision = Decide(tenant, TapUser(), Request(usableOnce: false));

            Assert.Null(decision.Refusal);
        }

        [Fact]
        public void TapMethodDisabled_PolicyOff_IsRefusedWithoutForce()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: false, usableOnce: true));

            var decision = Decide(tenant, TapUser());

            AssertRefused(decision, TapMethodDisabledCheck.ErrorId, ErrorKind.InvalidOperation);
            Assert.Contains("could not be used to sign in", decision.Refusal!.Message);
            Assert.Contains("-Force", decision.Refusal.RecommendedAction);
        }

        [Fact]
        public void TapMethodDisabled_PolicyOffWithForce_IsIssuedWithTheFindingForced()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: false, usableOnce: true));

            var decision = Decide(tenant, TapUser(), Request(force: true));

            Assert.Null(decision.Refusal);
            Assert.Equal(new[] { TapMethodDisabledCheck.ErrorId }, decision.Forced.Select(f => f.ErrorId));
        }

        [Fact]
        public void TapMethodDisabled_NoTapConfigurationAtAll_CountsAsOff()
        {
            var tenant = new TenantSnapshot(
                PolicyMigrationState.MigrationComplete,
                new Fido2Policy(true, new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>(), true),
                Array.Empty<MethodPolicy>(),
                Array.Empty<GroupInfo>());

            var decision = TapPreflight.Decide(new TapCheckInput(tenant, TapUser().Build(), Default), force: false);

            AssertRefused(decision, TapMethodDisabledCheck.ErrorId, ErrorKind.InvalidOperation);
        }

        [Fact]
        public void UserOutsideTapTargets_NotInAnyIncludeTarget_IsRefusedNamingTheTargets()
        {
            var decision = Decide(new TenantBuilder(), TapUser().InGroups(TenantBuilder.PasskeyUsers));

            AssertRefused(decision, UserOutsideTapTargetsCheck.ErrorId, ErrorKind.InvalidOperation);
            Assert.Contains("not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding')", decision.Refusal!.Message);
        }

        [Fact]
        public void UserOutsideTapTargets_ExcludedByGroup_IsRefusedNamingTheGroup()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: true, usableOnce: true, exclude: PolicyTarget.Group(TenantBuilder.PasskeyExclusions)));

            var decision = Decide(tenant, TapUser().InGroups(TenantBuilder.TapOnboarding, TenantBuilder.PasskeyExclusions));

            AssertRefused(decision, UserOutsideTapTargetsCheck.ErrorId, ErrorKind.InvalidOperation);
            Assert.Contains("excluded from the Temporary Access Pass policy by group 'Passkey Exclusions'", decision.Refusal!.Message);
        }

        [Fact]
        public void UserOutsideTapTargets_WithForce_IsIssuedWithTheFindingForced()
        {
            var decision = Decide(new TenantBuilder(), TapUser().InGroups(TenantBuilder.PasskeyUsers), Request(force: true));

            Assert.Null(decision.Refusal);
            Assert.Equal(new[] { UserOutsideTapTargetsCheck.ErrorId }, decision.Forced.Select(f => f.ErrorId));
        }

        [Fact]
        public void UserOutsideTapTargets_IncludedDirectlyAsAUser_IsNotRefused()
        {
            var user = TapUser().InGroups(TenantBuilder.PasskeyUsers).Build();
            var tenant = new TenantBuilder().Method(Tap(enabled: true, usableOnce: true, include: PolicyTarget.User(user.Id))).Build();

            var decision = TapPreflight.Decide(new TapCheckInput(tenant, user, Default), force: false);

            Assert.Null(decision.Refusal);
        }

        [Theory]
        [InlineData(true, "EnabledByPolicy", "a usable")]
        [InlineData(false, "NotYetValid", "a not-yet-valid")]
        public void UsableTapExists_PassTheUserMayUse_AsksBeforeReplacing(bool usable, string reason, string described)
        {
            var existing = UserBuilder.Tap(usable, reason) with { TapStart = Diagnose.Now, TapLifetimeMinutes = 60 };

            var decision = Decide(new TenantBuilder(), TapUser().WithMethods(UserBuilder.Password, existing));

            Assert.Null(decision.Refusal);
            Assert.Equal(UsableTapExistsCheck.ErrorId, decision.Confirmation!.ErrorId);
            Assert.Equal(TapCheckSeverity.Replace, decision.Confirmation.Severity);
            Assert.Contains($"already has {described} Temporary Access Pass (2026-11-25 12:00 UTC to 2026-11-25 13:00 UTC)", decision.Confirmation.Message);
        }

        [Fact]
        public void UsableTapExists_WithForce_ReplacesWithoutAsking()
        {
            var decision = Decide(new TenantBuilder(), TapUser().WithMethods(UserBuilder.Password, UserBuilder.Tap(true, "EnabledByPolicy")), Request(force: true));

            Assert.Null(decision.Confirmation);
            Assert.Equal(new[] { UsableTapExistsCheck.ErrorId }, decision.Forced.Select(f => f.ErrorId));
        }

        [Theory]
        [InlineData("Expired")]
        [InlineData("OneTimeUsed")]
        [InlineData("DisabledByPolicy")]
        public void UsableTapExists_PassThatCannotBeUsed_IsReplacedWithoutAsking(string reason)
        {
            var decision = Decide(new TenantBuilder(), TapUser().WithMethods(UserBuilder.Password, UserBuilder.Tap(false, reason)));

            Assert.Null(decision.Refusal);
            Assert.Null(decision.Confirmation);
        }

        [Fact]
        public void Order_SeveralRefusals_ReportsTheFirstCheckOnly()
        {
            var decision = Decide(new TenantBuilder(), TapUser().Disabled().Guest("Guest", "Accepted"), Request(lifetime: 600));

            Assert.Equal(AccountDisabledCheck.ErrorId, decision.Refusal!.ErrorId);
        }

        [Fact]
        public void Order_RefusalAndUnusable_RefusalWinsWithoutForce()
        {
            var decision = Decide(new TenantBuilder(), TapUser().InGroups(TenantBuilder.PasskeyUsers), Request(lifetime: 600));

            Assert.Equal(LifetimeOutsidePolicyCheck.ErrorId, decision.Refusal!.ErrorId);
        }

        [Fact]
        public void Refusal_ToException_CarriesIdKindActionAndTarget()
        {
            var refusal = Decide(new TenantBuilder(), TapUser().Disabled()).Refusal!;

            var error = refusal.ToException("irvin@contoso.com");

            Assert.Equal(AccountDisabledCheck.ErrorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Equal("irvin@contoso.com", error.Target);
            Assert.Equal(refusal.RecommendedAction, error.RecommendedAction);
        }

        private static UserBuilder TapUser() =>
            new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.Email);

        private static BootstrapTapRequest Request(int? lifetime = null, bool usableOnce = true, bool force = false) =>
            new BootstrapTapRequest(lifetime, null, usableOnce, force);

        private static TapPolicy Tap(bool enabled, bool usableOnce, int defaultLifetime = 60, PolicyTarget? include = null, PolicyTarget? exclude = null) =>
            new TapPolicy(
                enabled,
                new[] { include ?? PolicyTarget.Group(TenantBuilder.TapOnboarding) },
                exclude == null ? Array.Empty<PolicyTarget>() : new[] { exclude },
                defaultLifetime, 60, 480, usableOnce, 8);

        private static TapDecision Decide(TenantBuilder tenant, UserBuilder user, BootstrapTapRequest? request = null)
        {
            request ??= Default;
            return TapPreflight.Decide(new TapCheckInput(tenant.Build(), user.Build(), request), request.Force);
        }

        private static void AssertRefused(TapDecision decision, string errorId, ErrorKind kind)
        {
            Assert.NotNull(decision.Refusal);
            Assert.Equal(errorId, decision.Refusal!.ErrorId);
            Assert.Equal(kind, decision.Refusal.Kind);
            Assert.Null(decision.Confirmation);
            Assert.False(string.IsNullOrWhiteSpace(decision.Refusal.RecommendedAction));
        }
    }
}
