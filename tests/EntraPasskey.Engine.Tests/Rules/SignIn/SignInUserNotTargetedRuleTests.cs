using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInUserNotTargeted: the method not enabled for the user, and nested groups that must count.</summary>
    public sealed class SignInUserNotTargetedRuleTests
    {
        [Fact]
        public void SignInUserNotTargeted_InNoIncludeTarget_IsBlockedNamingTheTargets()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).InGroups(TenantBuilder.Engineering));

            SignInCheck.Blocked(diagnosis, "SignInUserNotTargeted");
            Assert.Equal("group 'Passkey Users'", SignInCheck.Only(diagnosis).Evidence["includeTargets"]);
        }

        [Fact]
        public void SignInUserNotTargeted_AnIncludeTargetThatIsADeletedGroup_IsNamed()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers), PolicyTarget.Group("22222222-0000-0000-0000-000000000009") }, new PolicyTarget[0])
                .WithGroup(new GroupInfo("22222222-0000-0000-0000-000000000009", null, Exists: false));

            var diagnosis = SignInCheck.Run(tenant, SignInCheck.User(UserBuilder.Passkey()).InGroups());

            SignInCheck.Blocked(diagnosis, "SignInUserNotTargeted");
            Assert.Contains("points at a deleted group (22222222-0000-0000-0000-000000000009)", SignInCheck.Only(diagnosis).Message);
            Assert.Contains("Restore the deleted group", SignInCheck.Only(diagnosis).Remediation);
        }

        [Fact]
        public void SignInUserNotTargeted_ThroughANestedGroup_IsTargeted()
        {
            // Transitive membership: the user's group ids include Passkey Users through Engineering.
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            SignInCheck.Ready(diagnosis);
            Assert.Equal("group 'Passkey Users'", SignInCheck.Only(diagnosis).Evidence["includedBy"]);
        }
    }
}
