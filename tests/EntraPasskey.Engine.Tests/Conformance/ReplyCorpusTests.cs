using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Serialization.Json;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>Documented $batch replies, error bodies and licence plans through the engine's readers.</summary>
    public sealed class ReplyCorpusTests
    {
        [Fact]
        public async Task Batch_EachItemKeepsItsStatusItsRetryAfterAndItsErrorCode()
        {
            // A GraphServiceClient registers the JSON deserialiser item bodies are read with; this test has no client.
            ApiClientBuilder.RegisterDefaultDeserializer<JsonParseNodeFactory>();
            using var envelope = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Corpus.Text("batch-reply"), Encoding.UTF8, "application/json") };
            var reply = new BatchResponseContent(envelope);

            var items = new[] { "u0", "m0", "u1" }.ToDictionary(id => id, id => reply.GetResponseByIdAsync(id).Result);
            var user = await GraphItemResponse.ReadAsync(items["u0"]);
            var throttled = await GraphItemResponse.ReadAsync(items["m0"]);
            var missing = await GraphItemResponse.ReadAsync(items["u1"]);

            Assert.True(user.IsSuccess);
            Assert.Equal("amira_fourthcoffee.example#EXT#@woodgrove.onmicrosoft.com", (await user.ParseAsync(GraphModels.User.CreateFromDiscriminatorValue, default))!.UserPrincipalName);
            Assert.Equal((429, TimeSpan.FromSeconds(7), "TooManyRequests"), (throttled.Status, throttled.RetryAfter!.Value, throttled.ErrorCode));
            Assert.Equal((404, "Request_ResourceNotFound"), (missing.Status, missing.ErrorCode));
            Assert.Equal("UserNotFound", missing.ToException(GraphCall.ReadUser, "amira@fourthcoffee.example").ErrorId);
        }

        [Theory]
        [InlineData("error.not-found", 404, "Request_ResourceNotFound", "UserNotFound")]
        [InlineData("error.forbidden", 403, "Authorization_RequestDenied", "PermissionDenied")]
        [InlineData("error.throttled", 429, "TooManyRequests", "GraphThrottled")]
        public async Task Errors_TheCodeIsReadAndMappedToAnErrorId(string fixture, int status, string code, string errorId)
        {
            using var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(Corpus.Text(fixture), Encoding.UTF8, "application/json") };

            var item = await GraphItemResponse.ReadAsync(message);

            Assert.Equal(code, item.ErrorCode);
            Assert.Equal(errorId, item.ToException(GraphCall.ReadUser, "KenjiT@woodgrove.example").ErrorId);
        }

        [Fact]
        public async Task Organization_AnEnabledP1PlanIsPremium()
        {
            var organizations = await Corpus.ParseAsync("organization", GraphModels.OrganizationCollectionResponse.CreateFromDiscriminatorValue);
            var plans = organizations.Value!.SelectMany(o => o.AssignedPlans!).ToList();

            Assert.True(TenantLicence.IsPremium(plans.Select(p => (p.ServicePlanId, (string?)p.CapabilityStatus))));
            Assert.False(TenantLicence.IsPremium(plans.Skip(1).Select(p => (p.ServicePlanId, (string?)p.CapabilityStatus))));
        }
    }
}
