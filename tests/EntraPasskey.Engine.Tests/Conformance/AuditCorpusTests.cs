using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>Documented directory audit events through the SDK and <see cref="AuditEventMapper"/>.</summary>
    public sealed class AuditCorpusTests
    {
        private const string Kenji = "2b7d4c90-8e13-4a56-b0f2-6d9c1e3a5f78";

        [Fact]
        public async Task Events_TheSubjectIsTheUserTargetWhateverTheOrder()
        {
            var events = (await Corpus.ParseAsync("directory-audits", GraphModels.DirectoryAuditCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(AuditEventMapper.Map).ToList();

            // The first event lists a group before the user.
            Assert.All(events, e => Assert.Equal((Kenji, "KenjiT@woodgrove.example"), (e.UserId, e.UserPrincipalName)));
            Assert.Equal(new[] { "Authentication Methods", "Device Registration Service" }, events.Select(e => e.Service));
            Assert.Equal(new[] { "User registered security info", "Add Passkey (device-bound)" }, events.Select(e => e.Activity));
            Assert.All(events, e => Assert.Equal("failure", e.Result));
            Assert.Single(events.Select(e => e.CorrelationId).Distinct());
            Assert.Contains(events[0].Details, d => d.Key == "AAGuid" && d.Value == "fbfc3007-154e-4ecc-8c0b-6e020557d7bd");
        }

        [Fact]
        public async Task Events_WithoutAUserTarget_TheInitiatorIsTheSubject()
        {
            var audit = await Corpus.ParseAsync(
                "directory-audits",
                json => json["value"]![0]!["targetResources"]!.AsArray().RemoveAt(1),
                GraphModels.DirectoryAuditCollectionResponse.CreateFromDiscriminatorValue);

            var mapped = AuditEventMapper.Map(audit.Value![0]);

            Assert.Equal(Kenji, mapped.UserId);
        }
    }
}
