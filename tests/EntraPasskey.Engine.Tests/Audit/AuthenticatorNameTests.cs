using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    /// <summary>The report names authenticators from the module's AAGUID catalog, as Get-PasskeyAuthenticator does.</summary>
    public sealed class AuthenticatorNameTests : IClassFixture<SampleAuditTenant>
    {
        private const string AlexFailureId = "AuthenticationMethods_b67a5f40-400d-5142-9a94-a344fb2d1839_025";
        private const string ICloudKeychain = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
        private const string Dashlane = "531126d6-e717-415c-9320-3d9aa6981239";

        private readonly AuditSimulator _sample;

        public AuthenticatorNameTests(SampleAuditTenant sample)
        {
            _sample = sample.Simulator;
        }

        [Fact]
        public async Task Summarise_SampleWeek_UsesTheCatalogsNames()
        {
            using var connection = await _sample.ConnectAsync();

            var rows = await new RegistrationFailureReport(_sample.Request()).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(
                new[] { ("AdeleV@contoso.com", "Google Password Manager"), ("AlexW@contoso.com", "iCloud Keychain (Apple Passwords)"), ("IsaiahL@contoso.com", "YubiKey 5 Series with NFC") },
                rows.Where(r => r.Authenticators.Count > 0).Select(r => (r.UserPrincipalName, r.Authenticators.ToString())));
        }

        [Fact]
        public async Task Report_AaguidOnlyTheCatalogKnows_IsNamedFromTheCatalog()
        {
            // Dashlane was never on the report's old 32-entry list; only the catalog can name it.
            await using var sim = await AuditSimulator.StartAsync(tenant => NameInReason(tenant, AlexFailureId, ICloudKeychain, Dashlane));
            using var connection = await sim.ConnectAsync();
            var report = new RegistrationFailureReport(sim.Request());

            var row = Assert.Single(await report.SummariseAsync(connection, CancellationToken.None), r => r.Reason == "AaguidNotAllowed");
            var attempt = Assert.Single(await report.ListAttemptsAsync(connection, CancellationToken.None), a => a.Reason == "AaguidNotAllowed");

            Assert.Equal(new[] { Dashlane }, row.Aaguids);
            Assert.Equal(new[] { "Dashlane" }, row.Authenticators);
            Assert.Equal(Dashlane, attempt.Aaguid);
            Assert.Equal("Dashlane", attempt.Authenticator);
        }

        private static void NameInReason(JsonObject tenant, string auditId, string from, string to)
        {
            var audit = tenant["directoryAudits"]!.AsArray().Single(a => (string?)a!["id"] == auditId)!;
            audit["resultReason"] = ((string)audit["resultReason"]!).Replace(from, to, StringComparison.Ordinal);
        }
    }
}
