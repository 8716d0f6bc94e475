using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>Reading evidence through the real Graph SDK from the simulator over HTTP, and judging it.</summary>
    public sealed class DiagnosisSessionTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public DiagnosisSessionTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Fact]
        public async Task Session_SampleTenant_GivesEachUserTheExpectedVerdictAndReasonInInputOrder()
        {
            using var connection = await _sim.ConnectAsync();
            var expected = new (string Name, Verdict Verdict, string? Reason)[]
            {
                ("Lee Gu", Verdict.Blocked, "UserExcluded"), ("Adele Vance", Verdict.Ready, null), ("Megan Bowen", Verdict.Blocked, "IncludeTargetDeleted"),
                ("Pat Fabrikam (Guest)", Verdict.Blocked, "GuestUser"), ("Irvin Sayers", Verdict.Blocked, "AccountDisabled"),
                ("Nestor Wilke", Verdict.Blocked, "NoMfaCapableMethod"), ("Isaiah Langer", Verdict.Ready, null), ("Joni Sherman", Verdict.Ready, null),
                ("Conor O'Brien", Verdict.Ready, null), ("Grady Archie", Verdict.Blocked, "TapNotUsable"), ("Alex Wilber", Verdict.Ready, null),
                ("Lynne Robbins", Verdict.AtRisk, "SinglePasskeyNoBackup"), ("Patti Fernandez", Verdict.Blocked, "IncludeTargetDeleted"),
                ("Diego Siciliani", Verdict.Blocked, "RegistrationAuthStrengthUnmet"), ("Miriam Graham", Verdict.Ready, null),
                ("Johanna Lorenz", Verdict.AtRisk, "RegistrationRequiresManagedDevice"), ("Pradeep Gupta", Verdict.AtRisk, "RegistrationDependsOnConditions"),
                ("Henrietta Mueller", Verdict.Ready, null), ("Debra Berger", Verdict.Ready, null),
                ("Grace Taylor", Verdict.AtRisk, "BrowserUnsupported"), ("Karen Berg", Verdict.Unknown, "ConditionalAccessScopeUnknown"),
            };

            var results = SimulatorFixture.DiagnoseAll(connection, expected.Select(e => _sim.Upn[e.Name]));

            Assert.Equal(expected.Select(e => _sim.Upn[e.Name]), results.Select(r => r.Input));
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(expected.Select(e => (e.Name, e.Verdict, e.Reason)), results.Select(r => (r.Diagnosis!.DisplayName!, r.Diagnosis.Verdict, r.Diagnosis.ReasonCode)));
        }

        [Fact]
        public async Task Session_OneUser_ReadsEverythingInTwoRoundTrips()
        {
            using var connection = await _sim.ConnectAsync();
            _sim.Host.ClearRequests();

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { _sim.Upn["Adele Vance"] }).Single();

            Assert.Equal(Verdict.Ready, result.Diagnosis!.Verdict);
            var topLevel = _sim.Host.Requests.Where(r => !r.InBatch).Select(r => (r.Method, Path: r.Path.Split('?')[0])).ToList();
            // Round trip 1, in parallel: the three tenant policies, the user's $batch (account, methods, memberships)
            // and the user's sign-ins. Round trip 2: the names of the groups the policies target, which need them first.
            Assert.Equal(6, topLevel.Count);
            Assert.Contains(("GET", "/v1.0/policies/authenticationMethodsPolicy"), topLevel);
            Assert.Contains(("GET", "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy"), topLevel);
            Assert.Contains(("GET", "/v1.0/identity/conditionalAccess/policies"), topLevel);
            Assert.Contains(("GET", "/beta/auditLogs/signIns"), topLevel);
            Assert.Equal(2, topLevel.Count(r => r.Path == "/v1.0/$batch"));
            var items = _sim.Host.Requests.Where(r => r.InBatch).Select(r => r.Path.Split('?')[0]).ToList();
            Assert.Contains(items, p => p.EndsWith("/authentication/methods"));
            Assert.Contains(items, p => p.EndsWith("/transitiveMemberOf"));
        }

        [Fact]
        public async Task Session_ManyUsers_ReadsTheTenantPolicyOnce()
        {
            using var connection = await _sim.ConnectAsync();
            _sim.Host.ClearRequests();
            var inputs = Enumerable.Repeat(_sim.Upn.Values, 3).SelectMany(v => v).ToList();

            var results = SimulatorFixture.DiagnoseAll(connection, inputs);

            Assert.Equal(inputs.Count, results.Count);
            Assert.Equal(1, _sim.Host.Requests.Count(r => r.Path.StartsWith("/v1.0/policies/authenticationMethodsPolicy")));
            Assert.Equal(1, _sim.Host.Requests.Count(r => r.Path.StartsWith("/v1.0/identity/conditionalAccess/policies")));
            Assert.Equal(1, _sim.Host.Requests.Count(r => r.Path.StartsWith("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy")));
        }

        [Fact]
        public async Task Session_Clock_IsNowForTheSignInWindowAndForTheRules()
        {
            using var connection = await _sim.ConnectAsync();
            var henrietta = new[] { _sim.Upn["Henrietta Mueller"] };

            // Her last MFA was 40 minutes before the tenant loaded: 50 minutes old ten minutes later, still inside the hour read.
            var tenMinutesLater = SimulatorFixture.DiagnoseAll(connection, henrietta, () => DateTimeOffset.UtcNow.AddMinutes(10)).Single();
            // Half an hour later the hour read starts after it, so no MFA sign-in is read at all.
            var halfAnHourLater = SimulatorFixture.DiagnoseAll(connection, henrietta, () => DateTimeOffset.UtcNow.AddMinutes(30)).Single();

            var stale = tenMinutesLater.Diagnosis!.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal("MfaSessionStale", stale.ReasonCode);
            Assert.Contains("(50 minutes ago)", stale.Message);
            var notFound = halfAnHourLater.Diagnosis!.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal("MfaSignInNotFound", notFound.ReasonCode);
            Assert.Contains("(sign-ins read for the last hour; ", notFound.Message);
        }

        [Fact]
        public async Task Session_UnknownAndMalformedUsers_BecomeErrorsInPlace()
        {
            using var connection = await _sim.ConnectAsync();
            var inputs = new[] { _sim.Upn["Adele Vance"], "ghost@contoso.com", "no at sign", _sim.Upn["Lee Gu"] };

            var results = SimulatorFixture.DiagnoseAll(connection, inputs);

            Assert.Equal(inputs, results.Select(r => r.Input));
            Assert.NotNull(results[0].Diagnosis);
            Assert.Equal("UserNotFound", results[1].Error!.ErrorId);
            Assert.Equal(ErrorKind.NotFound, results[1].Error!.Kind);
            Assert.Equal("ghost@contoso.com", results[1].Error!.Target);
            Assert.Equal("UserIdMalformed", results[2].Error!.ErrorId);
            Assert.Equal("UserExcluded", results[3].Diagnosis!.ReasonCode);
        }

        [Fact]
        public async Task Session_TokenWithoutMethodsPermission_NamesThePermission()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "Policy.Read.All");

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { _sim.Upn["Adele Vance"] }).Single();

            Assert.Equal("PermissionDenied", result.Error!.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, result.Error.Kind);
            Assert.Contains("UserAuthenticationMethod.Read.All", result.Error.Message);
        }

        [Fact]
        public async Task Session_TokenWithoutPolicyPermission_FailsEveryUserNamingThePermission()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All");

            var results = SimulatorFixture.DiagnoseAll(connection, new[] { _sim.Upn["Adele Vance"], _sim.Upn["Lee Gu"] });

            Assert.Equal(2, results.Count);
            Assert.All(results, r => Assert.Contains("Policy.Read.AuthenticationMethod", r.Error!.Message));
            Assert.Equal(new[] { _sim.Upn["Adele Vance"], _sim.Upn["Lee Gu"] }, results.Select(r => r.Error!.Target));
        }
    }
}
