using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>Test-EntraPasskeySignIn's session end to end: the sample tenant's users over HTTP, and the sign-in window's edge.</summary>
    public sealed class SignInCheckSessionTests : IClassFixture<SimulatorFixture>
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        private readonly SimulatorFixture _sim;

        public SignInCheckSessionTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Theory]
        [InlineData("Samir Khan", Verdict.Blocked, "SignInAaguidNotAllowed", OwnerQueue.IdentityTeam)]
        [InlineData("Tanya Vogel", Verdict.Blocked, "SignInAaguidBlocked", OwnerQueue.IdentityTeam)]
        [InlineData("Uma Nair", Verdict.AtRisk, "SignInPasskeyTypeNotAllowed", OwnerQueue.IdentityTeam)]
        [InlineData("Victor Lind", Verdict.Blocked, "SignInUserNotTargeted", OwnerQueue.IdentityTeam)]
        [InlineData("Wendy Stone", Verdict.Blocked, "SignInStrengthExcludesPasskeys", OwnerQueue.IdentityTeam)]
        [InlineData("Xavier Diaz", Verdict.Blocked, "SignInStrengthAaguidNotAllowed", OwnerQueue.IdentityTeam)]
        [InlineData("Yara Malik", Verdict.AtRisk, "PasskeySignInFailed", OwnerQueue.User)]
        [InlineData("Adele Vance", Verdict.Blocked, "NoPasskeyRegistered", OwnerQueue.User)]
        public async Task SampleUsers_EachShowTheirCause(string name, Verdict verdict, string reason, OwnerQueue owner)
        {
            using var connection = await _sim.ConnectAsync();

            var diagnosis = SimulatorFixture.CheckSignInAll(connection, new[] { _sim.Upn[name] }).Single().Diagnosis!;

            Assert.Equal((verdict, reason, (OwnerQueue?)owner), (diagnosis.Verdict, diagnosis.ReasonCode, diagnosis.Owner));
        }

        [Theory]
        [InlineData("Zoe Ross")]
        [InlineData("Felix Gruber")]
        [InlineData("Lynne Robbins")]
        public async Task SampleUsers_WhoseEveryPasskeyWorks_AreReady(string name)
        {
            using var connection = await _sim.ConnectAsync();

            var diagnosis = SimulatorFixture.CheckSignInAll(connection, new[] { _sim.Upn[name] }).Single().Diagnosis!;

            Assert.True(diagnosis.Verdict == Verdict.Ready, diagnosis.Summary);
            Assert.All(diagnosis.Passkeys, c => Assert.Equal(FindingStatus.Pass, c.Status));
        }

        [Fact]
        public async Task ManyUsers_OneResultEach_InInputOrder()
        {
            using var connection = await _sim.ConnectAsync();
            var inputs = new[] { _sim.Upn["Zoe Ross"], "nobody@contoso.com", _sim.Upn["Tanya Vogel"], _sim.Upn["Uma Nair"] };

            var results = SimulatorFixture.CheckSignInAll(connection, inputs);

            Assert.Equal(inputs, results.Select(r => r.Input));
            Assert.Equal("UserNotFound", results[1].Error!.ErrorId);
            Assert.Equal(new[] { Verdict.Ready, Verdict.Blocked, Verdict.AtRisk }, results.Where(r => r.Diagnosis != null).Select(r => r.Diagnosis!.Verdict));
        }

        [Fact]
        public async Task WithoutAuditLogReadAll_TheLogsAreUnknownAndTheVerdictStands()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All");

            var diagnosis = SimulatorFixture.CheckSignInAll(connection, new[] { _sim.Upn["Yara Malik"] }).Single().Diagnosis!;

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(("SignInLogsUnreadable", "AuditLog.Read.All"), (diagnosis.SignInLogs.ReasonCode, diagnosis.SignInLogs.Evidence["missingPermission"]));
        }

        [Theory]
        [InlineData("@now-7d", Verdict.AtRisk)]
        [InlineData("@now-604801s", Verdict.Ready)]
        public async Task AFailedPasskeySignIn_ExactlySevenDaysAgoCounts_ASecondOlderDoesNot(string when, Verdict expected)
        {
            await using var host = await StartWithYarasOnlySignInAsync(when);
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(SimulatorFixture.AllReadRoles), host.GraphBaseUri);

            var diagnosis = SimulatorFixture.CheckSignInAll(connection, new[] { "YaraM@contoso.com" }, () => Now).Single().Diagnosis!;

            Assert.Equal(expected, diagnosis.Verdict);
            Assert.Equal("the last 7 days", diagnosis.SignInLogs.Evidence["signInsReadFor"]);
        }

        /// <summary>
        /// A run over many users reads the tenant's sign-ins of the last 24 hours, not 7 days (a week of a large tenant is
        /// hundreds of pages of the reports budget), and the finding says so; the first users, read one by one, keep 7 days.
        /// </summary>
        [Theory]
        [InlineData("@now-24h", Verdict.AtRisk)]
        [InlineData("@now-86401s", Verdict.Ready)]
        public async Task InARunOverManyUsers_AFailedPasskeySignIn_ExactlyADayAgoCounts_ASecondOlderIsOutsideWhatWasRead(string when, Verdict expected)
        {
            await using var host = await StartWithYarasOnlySignInAsync(when);
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(SimulatorFixture.AllReadRoles), host.GraphBaseUri);
            var others = _sim.Upn.Where(p => p.Key != "Yara Malik").Select(p => p.Value).OrderBy(u => u, StringComparer.Ordinal).Take(19).ToList();
            var inputs = others.Take(9).Append("YaraM@contoso.com").Concat(others.Skip(9)).ToList();

            var results = SimulatorFixture.CheckSignInAll(connection, inputs, () => Now);

            var yara = results[9].Diagnosis!;
            Assert.Equal(expected, yara.Verdict);
            Assert.Equal(("the last 24 hours", Now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)), (yara.SignInLogs.Evidence["signInsReadFor"], yara.SignInLogs.Evidence["since"]));
            if (expected == Verdict.Ready)
            {
                Assert.Contains("sign-ins read for the last 24 hours, as a run over many users reads the tenant's; for this user alone Test-EntraPasskeySignIn reads the last 7 days", yara.SignInLogs.Message);
            }

            Assert.Equal("the last 7 days", results[0].Diagnosis!.SignInLogs.Evidence["signInsReadFor"]);
        }

        /// <summary>The sample tenant with one sign-in left for Yara Malik (her failed passkey sign-in), at <paramref name="when"/>.</summary>
        private static Task<SimulatorHost> StartWithYarasOnlySignInAsync(string when)
        {
            var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json")))!.AsObject();
            var yaraId = tenant["users"]!.AsArray().Single(u => (string)u!["displayName"]! == "Yara Malik")!["id"]!.GetValue<string>();
            var signIns = tenant["signIns"]!.AsArray();
            foreach (var other in signIns.Where(s => (string)s!["userId"]! == yaraId).Skip(1).ToList())
            {
                signIns.Remove(other);
            }

            var failed = signIns.Single(s => (string)s!["userId"]! == yaraId)!;
            failed["createdDateTime"] = when;
            return SimulatorHost.StartAsync(new SimulatorOptions { Tenant = tenant, FixedNow = Now });
        }
    }
}
