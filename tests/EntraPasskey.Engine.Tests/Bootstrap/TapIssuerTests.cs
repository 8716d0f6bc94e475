using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Bootstrap
{
    /// <summary>Issuing Temporary Access Passes through the real Graph SDK against the simulator over HTTP.</summary>
    public sealed class TapIssuerTests : IClassFixture<SimulatorFixture>
    {
        private static readonly string[] IssuerRoles =
        {
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All",
        };

        private static readonly BootstrapTapRequest OneTime = new BootstrapTapRequest(null, null, true, false);

        private readonly SimulatorFixture _sim;

        public TapIssuerTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Host.Reset();
            _sim.Host.ClearRequests();
        }

        [Fact]
        public async Task Issue_UserWithoutMfa_ReturnsThePassAndLayer3ThenCountsIt()
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);
            var issuer = new TapIssuer(connection);
            var nestor = _sim.Upn["Nestor Wilke"];

            var plan = await issuer.PlanAsync(nestor, OneTime, CancellationToken.None);
            var tap = await issuer.IssueAsync(plan, CancellationToken.None);

            Assert.Equal(nestor, tap.UserPrincipalName);
            Assert.Equal("b07fa818-72e0-4702-a267-da7910c55384", tap.UserId);
            Assert.Equal(8, tap.TemporaryAccessPass.Length);
            Assert.Equal(60, tap.LifetimeInMinutes);
            Assert.True(tap.IsUsableOnce);
            Assert.True(tap.IsUsable);
            Assert.Equal("EnabledByPolicy", tap.MethodUsabilityReason);
            Assert.Equal(tap.StartDateTime.AddMinutes(60), tap.ExpiresDateTime);
            Assert.Contains("https://aka.ms/mysecurityinfo", tap.NextSteps);
            Assert.DoesNotContain(tap.TemporaryAccessPass, tap.ToString());
            Assert.All(Drain(issuer.Log), m => Assert.DoesNotContain(tap.TemporaryAccessPass, m.Text));
            var diagnosis = SimulatorFixture.DiagnoseAll(connection, new[] { nestor }).Single().Diagnosis!;
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
        }

        [Fact]
        public async Task Plan_ManyUsers_ReadsTheTenantPolicyOnce()
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);
            var issuer = new TapIssuer(connection);

            foreach (var name in new[] { "Nestor Wilke", "Alex Wilber", "Grady Archie" })
            {
                await issuer.PlanAsync(_sim.Upn[name], OneTime, CancellationToken.None);
            }

            Assert.Equal(1, _sim.Host.Requests.Count(r => r.Path.StartsWith("/v1.0/policies/authenticationMethodsPolicy")));
        }

        [Theory]
        [InlineData("Pat Fabrikam (Guest)", "TapExternalGuest")]
        [InlineData("Irvin Sayers", "TapAccountDisabled")]
        [InlineData("Megan Bowen", "TapUserNotTargeted")]
        public async Task Plan_RefusedUser_ThrowsBeforeAnyWrite(string name, string errorId)
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);
            var issuer = new TapIssuer(connection);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => issuer.PlanAsync(_sim.Upn[name], OneTime, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(_sim.Upn[name], error.Target);
            Assert.DoesNotContain(_sim.Host.Requests, r => r.Method == "POST" && !r.Path.EndsWith("$batch"));
        }

        [Theory]
        [InlineData("ghost@contoso.com", "UserNotFound")]
        [InlineData("not a user", "UserIdMalformed")]
        [InlineData("", "UserIdEmpty")]
        public async Task Plan_BadInput_NamesTheInput(string input, string errorId)
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new TapIssuer(connection).PlanAsync(input, OneTime, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(input, error.Target);
        }

        [Fact]
        public async Task Plan_UserWithAUsablePass_AsksToReplaceIt()
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);

            var plan = await new TapIssuer(connection).PlanAsync(_sim.Upn["Joni Sherman"], OneTime, CancellationToken.None);

            Assert.True(plan.NeedsConfirmation);
            Assert.Contains("Joni Sherman already has a usable Temporary Access Pass", plan.ConfirmationQuery);
            Assert.EndsWith("replacing the user's existing pass", plan.Action);
            Assert.Equal("TapReplaceNotConfirmed", plan.NotConfirmed().ErrorId);
        }

        [Fact]
        public async Task Issue_GraphRefusesAnExternalGuest_ReportsGraphsWords()
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);
            var pat = new UserEvidence("be0c2f26-cddc-4caa-9c05-dbdf7013b813", _sim.Upn["Pat Fabrikam (Guest)"], "Pat Fabrikam (Guest)", true, "Guest", "Invitation", "Accepted",
                Array.Empty<RegisteredMethod>(), Array.Empty<string>());
            var plan = new TapPlan("pat", pat, 60, true, null, false, null);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new TapIssuer(connection).IssueAsync(plan, CancellationToken.None));

            Assert.Equal("TapRejectedByPolicy", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Contains("Temporary Access Pass cannot be added to an external guest user.", error.Message);
            Assert.Equal("pat", error.Target);
        }

        [Fact]
        public async Task Issue_GraphRefusesTheLifetime_ReportsTheRangeGraphNames()
        {
            using var connection = await _sim.ConnectAsync(IssuerRoles);
            var tooLong = new TapPlan(_sim.Upn["Nestor Wilke"], Nestor(), 600, true, null, false, null);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new TapIssuer(connection).IssueAsync(tooLong, CancellationToken.None));

            Assert.Equal("TapRejectedByPolicy", error.ErrorId);
            Assert.Contains("(60 to 480 minutes)", error.Message);
        }

        [Fact]
        public async Task Issue_WithoutTheWritePermission_NamesItAndTheRoles()
        {
            using var connection = await _sim.ConnectAsync(SimulatorFixture.AllReadRoles);
            var issuer = new TapIssuer(connection);
            var plan = await issuer.PlanAsync(_sim.Upn["Nestor Wilke"], OneTime, CancellationToken.None);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => issuer.IssueAsync(plan, CancellationToken.None));

            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Contains("UserAuthenticationMethod.ReadWrite.All", error.Message);
            Assert.Contains("UserAuthMethod-TAP.ReadWrite.All", error.RecommendedAction);
            Assert.Contains("Authentication Administrator", error.RecommendedAction);
            Assert.Equal(403, _sim.Host.Requests.Single(r => r.Method == "POST" && !r.Path.EndsWith("$batch")).Status);
        }

        private UserEvidence Nestor() =>
            new UserEvidence("b07fa818-72e0-4702-a267-da7910c55384", _sim.Upn["Nestor Wilke"], "Nestor Wilke", true, "Member", null, null,
                Array.Empty<RegisteredMethod>(), Array.Empty<string>());

        private static IReadOnlyList<EngineMessage> Drain(EngineLog log)
        {
            var messages = new List<EngineMessage>();
            while (log.TryTake(out var message))
            {
                messages.Add(message);
            }

            Assert.NotEmpty(messages);
            return messages;
        }
    }
}
