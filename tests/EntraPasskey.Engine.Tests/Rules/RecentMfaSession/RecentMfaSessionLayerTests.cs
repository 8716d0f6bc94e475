using System.Linq;
using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 4 as a whole: what it says when no single rule decides.</summary>
    public sealed class RecentMfaSessionLayerTests
    {
        [Fact]
        public void RecentMfaSession_NeverFails_WhateverTheSignIns()
        {
            var histories = new[]
            {
                SignInHistory.NotRead,
                SignInHistory.Read(Array.Empty<SignInRecord>(), Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.MfaSignIn(Diagnose.Now.AddDays(-29)) }, Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now) }, Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(1)) }, Diagnose.Now.AddDays(-30)),
            };

            foreach (var history in histories)
            {
                var input = new DiagnosisInput(new TenantBuilder().Build(), new UserBuilder().WithSignIns(history).Build(), AttemptHints.None, Diagnose.Now);
                var outcomes = RuleSet.Default.For(PasskeyLayer.RecentMfaSession).Select(r => r.Evaluate(input)).Where(o => o != null).ToList();

                Assert.NotEmpty(outcomes);
                Assert.DoesNotContain(outcomes, o => o!.Status == FindingStatus.Fail);
            }

            Assert.False(LayerCatalog.CanBlock(PasskeyLayer.RecentMfaSession));
        }
    }
}
