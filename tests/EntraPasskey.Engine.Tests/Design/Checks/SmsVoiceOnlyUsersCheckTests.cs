using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Users;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class SmsVoiceOnlyUsersCheckTests
    {
        private readonly SmsVoiceOnlyUsersCheck _check = new SmsVoiceOnlyUsersCheck();

        [Fact]
        public void PhoneAndEmailOnly_Counts()
        {
            var outcome = Evaluate(
                DesignInputs.Registered("phone@contoso.com", "mobilePhone", "email"),
                DesignInputs.Registered("office@contoso.com", "officePhone"),
                DesignInputs.Registered("app@contoso.com", "mobilePhone", "microsoftAuthenticatorPush"));

            Assert.Equal(2, outcome!.Affected!.Users);
            Assert.Equal("phone@contoso.com, office@contoso.com", outcome.Evidence["phoneOnlyUsers"]);
        }

        [Fact]
        public void APhoneBesideAPasskey_DoesNotCount()
        {
            Assert.Null(Evaluate(DesignInputs.Registered("both@contoso.com", "mobilePhone", "passKeyDeviceBound")));
        }

        [Fact]
        public void AMethodNameThisVersionDoesNotKnow_CountsAsAnotherMethod()
        {
            Assert.Null(Evaluate(DesignInputs.Registered("future@contoso.com", "mobilePhone", "someFutureMethod")));
        }

        [Fact]
        public void NoReport_IsUnknown_NamingWhatItNeeds()
        {
            var input = new DesignInput(new TenantBuilder().Build(), DesignInputs.Now)
            {
                Registrations = RegistrationDetails.Unavailable(new EvidenceGap("The tenant's licence does not allow Graph to read the authentication methods registration report.", null, true)),
            };

            var outcome = _check.Evaluate(input);

            Assert.Equal(FindingStatus.Unknown, outcome!.Status);
            Assert.Contains("P1 or P2", outcome.Remediation);
        }

        private DesignOutcome? Evaluate(params RegisteredUser[] users) =>
            _check.Evaluate(new DesignInput(new TenantBuilder().Build(), DesignInputs.Now) { Registrations = RegistrationDetails.Read(users) });
    }
}
