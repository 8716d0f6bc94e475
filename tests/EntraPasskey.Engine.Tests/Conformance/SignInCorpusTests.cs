using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>Documented beta sign-ins through the v1.0 SDK model and <see cref="SignInMapper"/>.</summary>
    public sealed class SignInCorpusTests
    {
        [Fact]
        public async Task SignIns_EachStepRequirementWordingIsTheSecondFactor()
        {
            var records = (await Corpus.ParseAsync("sign-ins.beta", GraphModels.SignInCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(SignInMapper.Map).ToList();

            Assert.Equal(new[] { "MFA", "Multi-factor authentication", "Multifactor authentication" }, records.Select(r => r!.Steps[1].Requirement));
            Assert.All(records, r => Assert.True(r!.Steps[1].IsMfa));
            Assert.All(records, r => Assert.False(r!.Steps[0].IsMfa));
            Assert.Equal(("Mobile app notification", new DateTimeOffset(2026, 11, 25, 11, 58, 40, TimeSpan.Zero)), (records[0]!.CompletedMfa!.Method, records[0]!.CompletedMfa!.At));
            Assert.Equal("Text message", records[1]!.CompletedMfa!.Method);
            Assert.Equal(("Ios 18.5", "Mobile Safari 18.5", "Microsoft Authenticator App"), (records[1]!.OperatingSystem, records[1]!.Browser, records[1]!.AppDisplayName));

            // The third failed at its second factor (errorCode 500121): no MFA was completed.
            Assert.False(records[2]!.Succeeded);
            Assert.Null(records[2]!.CompletedMfa);
        }

        [Fact]
        public async Task PasskeyFailures_TheCodeTheReasonAndThePasskeyStepAreRead()
        {
            var records = (await Corpus.ParseAsync("sign-ins.beta.passkey-failures", GraphModels.SignInCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(SignInMapper.Map).ToList();

            Assert.Equal(new[] { 53003, 135010 }, records.Select(r => r!.ErrorCode));
            Assert.All(records, r => Assert.False(r!.Succeeded));
            Assert.All(records, r => Assert.True(r!.UsedPasskey));
            Assert.Equal("KeyNotFound", records[1]!.FailureReason);
            Assert.Equal(new[] { true, false }, records.Select(r => r!.Steps.Single().Succeeded));

            var history = SignInHistory.Read(records.Select(r => r!), new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero));
            Assert.Equal("e4c1a8d2-6b39-4f70-9a15-3d8e2b7c0f46", history.LatestWithPasskey!.Id);
        }

        [Fact]
        public async Task SignIns_WithoutAPasskeyStep_AreNotPasskeySignIns()
        {
            var records = (await Corpus.ParseAsync("sign-ins.beta", GraphModels.SignInCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(SignInMapper.Map).ToList();

            Assert.All(records, r => Assert.False(r!.UsedPasskey));
            Assert.Equal(new[] { 0, 0, 500121 }, records.Select(r => r!.ErrorCode));
            Assert.Null(SignInHistory.Read(records.Select(r => r!), new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero)).LatestWithPasskey);
        }

        /// <summary>
        /// When a later step is not the second factor (a primary step after the MFA one), the method named is still the
        /// MFA step's, in every wording.
        /// </summary>
        [Theory]
        [InlineData("MFA")]
        [InlineData("Multi-factor authentication")]
        [InlineData("Multifactor authentication")]
        public void CompletedMfa_NamesTheSecondFactorInAnyWording(string wording)
        {
            var at = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
            var record = new SignInRecord("s", at, true, true, "multiFactorAuthentication",
                new[] { new AuthenticationStep(at, "Text message", wording, true), new AuthenticationStep(at.AddSeconds(5), "Password", "Primary authentication", true) },
                "Windows10", "Edge 142.0.0", "My Signins");

            Assert.Equal("Text message", record.CompletedMfa!.Method);
        }
    }
}
