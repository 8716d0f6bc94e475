using EntraPasskey.Engine.Audit;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    public sealed class RegistrationFailureRequestTests
    {
        [Fact]
        public void Users_SameUserTwiceInAnyCase_IsAskedForOnce_InFirstSeenOrder()
        {
            var request = new RegistrationFailureRequest { Users = new[] { "MeganB@contoso.com", "adelev@contoso.com", "meganb@CONTOSO.com" } };

            Assert.Equal(new[] { "MeganB@contoso.com", "adelev@contoso.com" }, request.Users);
        }

        [Fact]
        public void Users_DifferentUsers_AreAllKept()
        {
            var request = new RegistrationFailureRequest { Users = new[] { "MeganB@contoso.com", "MeganB2@contoso.com" } };

            Assert.Equal(2, request.Users.Count);
        }
    }
}
