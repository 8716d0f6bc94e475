using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInUserExcluded: exclusion beats inclusion at sign-in too.</summary>
    public sealed class SignInUserExcludedRuleTests
    {
        [Fact]
        public void SignInUserExcluded_InTheExclusionGroupAndTheIncludeGroup_IsBlockedNamingTheGroup()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.PasskeyExclusions));

            SignInCheck.Blocked(diagnosis, "SignInUserExcluded");
            var check = SignInCheck.Only(diagnosis);
            Assert.Equal("Passkey Exclusions", check.Evidence["excludedBy"]);
            Assert.Equal("group 'Passkey Users'", check.Evidence["alsoIncludedBy"]);
        }

        [Fact]
        public void SignInUserExcluded_ExcludedFromAnotherMethod_DoesNotMatter()
        {
            var tenant = new TenantBuilder().Method(new MethodPolicy(MethodPolicyIds.Sms, true, new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.Group(TenantBuilder.Engineering) }));

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(UserBuilder.Passkey()).InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering));

            SignInCheck.Ready(diagnosis);
        }
    }
}
