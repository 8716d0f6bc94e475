using System.Collections.Generic;
using System;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// The diagnosis offers a Temporary Access Pass exactly when New-PasskeyBootstrapTap, asked for its default pass,
    /// would issue one the user can use: the two must never disagree, or a remediation sends the help desk to a pass
    /// the cmdlet refuses (or calls unusable).
    /// </summary>
    public sealed class TapBootstrapTests
    {
        [Theory]
        [InlineData("targeted member")]
        [InlineData("outside the include targets")]
        [InlineData("excluded through a group")]
        [InlineData("excluded directly")]
        [InlineData("method disabled")]
        [InlineData("no TAP configuration")]
        [InlineData("external guest")]
        [InlineData("invited guest without a state")]
        [InlineData("internal guest")]
        [InlineData("disabled account")]
        public void Obstacle_AgreesWithThePreIssueChecks(string scenario)
        {
            var (tenantBuilder, userBuilder) = Scenario(scenario);
            var tenant = tenantBuilder.Build();
            var user = userBuilder.Build();

            var obstacle = TapBootstrap.Obstacle(tenant, user);
            var decision = TapPreflight.Decide(new TapCheckInput(tenant, user, new BootstrapTapRequest(null, null, true, false)), force: false);

            Assert.True((obstacle == null) == (decision.Refusal == null), $"diagnosis says '{obstacle?.Why ?? "usable"}', New-PasskeyBootstrapTap says '{decision.Refusal?.Message ?? "issue"}'");
        }

        [Fact]
        public void Obstacle_TargetedMember_IsNone()
        {
            Assert.Null(TapBootstrap.Obstacle(new TenantBuilder().Build(), TapUser().Build()));
        }

        [Fact]
        public void Obstacle_ExcludedDirectly_SaysRemoveFromTheExclusions()
        {
            var tenant = new TenantBuilder().Method(Tap(true, exclude: PolicyTarget.User("aaaaaaaa-0000-0000-0000-000000000001"))).Build();

            var obstacle = TapBootstrap.Obstacle(tenant, TapUser().Build());

            Assert.Equal("Adele Vance is excluded from the Temporary Access Pass policy by the user directly", obstacle!.Why);
            Assert.Equal("remove Adele Vance from the Temporary Access Pass policy's exclusions", obstacle.Fix);
        }

        [Fact]
        public void Obstacle_MethodDisabledAndUserNotTargeted_SaysEnableItWithTheUserInItsTargets()
        {
            var obstacle = TapBootstrap.Obstacle(new TenantBuilder().Method(Tap(false)).Build(), new UserBuilder().Build());

            Assert.Equal("the Temporary Access Pass method is disabled", obstacle!.Why);
            Assert.Equal("have an Authentication Policy Administrator enable the Temporary Access Pass method with Adele Vance in its targets", obstacle.Fix);
        }

        [Fact]
        public void Obstacle_InternalGuest_CanUseAPass()
        {
            Assert.Null(TapBootstrap.Obstacle(new TenantBuilder().Build(), TapUser().Guest("Guest", null, creationType: null).Build()));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void StrengthAcceptingOnlyMultiUsePasses_AgreesWithNewPasskeyBootstrapTapAskedAsTheAdviceSays(bool policyForcesOneTime)
        {
            var multiUseOnly = new AuthenticationStrength("s-multi", "Multi-use TAP only", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" } });
            var tenant = new TenantBuilder().Method(new TapPolicy(true, new[] { PolicyTarget.Group(TenantBuilder.TapOnboarding) }, Array.Empty<PolicyTarget>(), 60, 60, 480, policyForcesOneTime, 8)).Build();

            var rejects = TapBootstrap.StrengthRejects(tenant, multiUseOnly);
            var multiUse = TapPreflight.Decide(new TapCheckInput(tenant, TapUser().Build(), new BootstrapTapRequest(null, null, false, false)), force: false);

            Assert.Equal(policyForcesOneTime, rejects != null);
            Assert.True((rejects == null) == (multiUse.Refusal == null), $"diagnosis says '{rejects ?? "accepted"}', New-PasskeyBootstrapTap -UsableOnce:$false says '{multiUse.Refusal?.Message ?? "issue"}'");
            Assert.Equal("issue a multi-use Temporary Access Pass with New-PasskeyBootstrapTap -UsableOnce:$false (the strength accepts only multi-use passes)", TapBootstrap.IssuePass(multiUseOnly));
        }

        [Fact]
        public void IssuePass_StrengthAcceptingOneTimePasses_IsTheCmdletsDefault()
        {
            var either = new AuthenticationStrength("s-either", "Any TAP", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" }, new[] { "temporaryAccessPassOneTime" } });

            Assert.Equal("issue a Temporary Access Pass with New-PasskeyBootstrapTap", TapBootstrap.IssuePass(RegistrationPolicyBuilder.TapOrPasskey));
            Assert.Equal("issue a Temporary Access Pass with New-PasskeyBootstrapTap", TapBootstrap.IssuePass(either));
        }

        private static (TenantBuilder Tenant, UserBuilder User) Scenario(string name)
        {
            switch (name)
            {
                case "targeted member": return (new TenantBuilder(), TapUser());
                case "outside the include targets": return (new TenantBuilder(), new UserBuilder());
                case "excluded through a group": return (new TenantBuilder().Method(Tap(true, PolicyTarget.Group(TenantBuilder.Engineering))), TapUser().InGroups(TenantBuilder.TapOnboarding, TenantBuilder.Engineering));
                case "excluded directly": return (new TenantBuilder().Method(Tap(true, PolicyTarget.User("aaaaaaaa-0000-0000-0000-000000000001"))), TapUser());
                case "method disabled": return (new TenantBuilder().Method(Tap(false)), TapUser());
                case "no TAP configuration": return (new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.TemporaryAccessPass)), TapUser());
                case "external guest": return (new TenantBuilder(), TapUser().Guest("Guest", "Accepted"));
                case "invited guest without a state": return (new TenantBuilder(), TapUser().Guest("Guest", null));
                case "internal guest": return (new TenantBuilder(), TapUser().Guest("Guest", null, creationType: null));
                case "disabled account": return (new TenantBuilder(), TapUser().Disabled());
                default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
            }
        }

        private static UserBuilder TapUser() =>
            new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password);

        private static TapPolicy Tap(bool enabled, PolicyTarget? exclude = null) =>
            new TapPolicy(
                enabled,
                new[] { PolicyTarget.Group(TenantBuilder.TapOnboarding) },
                exclude == null ? Array.Empty<PolicyTarget>() : new[] { exclude },
                60, 60, 480, true, 8);
    }
}
