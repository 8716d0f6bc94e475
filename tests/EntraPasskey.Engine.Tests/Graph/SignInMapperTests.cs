using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>A beta sign-in read into the v1.0 SDK model: the beta-only fields come from AdditionalData.</summary>
    public sealed class SignInMapperTests
    {
        private const string BetaSignIn = @"{
            ""id"": ""66ea54eb-6301-4ee5-be62-ff5a759b0100"",
            ""createdDateTime"": ""2026-11-25T11:58:10Z"",
            ""userId"": ""f0d296dc-76c4-442a-9ac0-955d7ea6b7b3"",
            ""appDisplayName"": ""My Signins"",
            ""isInteractive"": true,
            ""authenticationRequirement"": ""multiFactorAuthentication"",
            ""authenticationDetails"": [
                { ""authenticationStepDateTime"": ""2026-11-25T11:57:50Z"", ""authenticationMethod"": ""Password"", ""authenticationMethodDetail"": ""Password in the cloud"", ""succeeded"": true, ""authenticationStepRequirement"": ""Primary authentication"" },
                { ""authenticationStepDateTime"": ""2026-11-25T11:58:10Z"", ""authenticationMethod"": ""Mobile app notification"", ""succeeded"": true, ""authenticationStepRequirement"": ""MFA"" }
            ],
            ""signInEventTypes"": [ ""interactiveUser"" ],
            ""deviceDetail"": { ""operatingSystem"": ""Windows10"", ""browser"": ""Edge 131.0.0"" },
            ""status"": { ""errorCode"": 0 }
        }";

        [Fact]
        public async Task Map_ReadsBetaFieldsFromAdditionalData()
        {
            var record = SignInMapper.Map(await ParseAsync(BetaSignIn))!;

            Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 58, 10, TimeSpan.Zero), record.CreatedAt);
            Assert.Equal("multiFactorAuthentication", record.AuthenticationRequirement);
            Assert.True(record.IsInteractive);
            Assert.True(record.Succeeded);
            Assert.Equal(2, record.Steps.Count);
            Assert.Equal("Mobile app notification", record.Steps[1].Method);
            Assert.Equal("MFA", record.Steps[1].Requirement);
            Assert.True(record.Steps[1].Succeeded);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 57, 50, TimeSpan.Zero), record.Steps[0].At);
            Assert.Equal("Windows10", record.OperatingSystem);
            Assert.Equal("Edge 131.0.0", record.Browser);
            Assert.Equal("My Signins", record.AppDisplayName);
        }

        [Fact]
        public async Task Map_V1ShapeWithoutBetaFields_HasNoRequirementAndNoSteps()
        {
            var record = SignInMapper.Map(await ParseAsync(@"{ ""id"": ""s1"", ""createdDateTime"": ""2026-11-25T11:00:00Z"", ""status"": { ""errorCode"": 50126 } }"))!;

            Assert.Null(record.AuthenticationRequirement);
            Assert.Empty(record.Steps);
            Assert.False(record.Succeeded);
        }

        [Fact]
        public async Task Map_WithoutATime_IsSkipped()
        {
            Assert.Null(SignInMapper.Map(await ParseAsync(@"{ ""id"": ""s1"" }")));
        }

        private static async Task<SignIn> ParseAsync(string json)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
            return node.GetObjectValue(SignIn.CreateFromDiscriminatorValue)!;
        }
    }
}
