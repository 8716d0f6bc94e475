using System;
using EntraPasskey.Engine.Bootstrap;
using Xunit;

namespace EntraPasskey.Engine.Tests.Bootstrap
{
    public sealed class TapNextStepsTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        [Fact]
        public void For_OneTimePass_GivesTheTenMinuteWindowAfterSignIn()
        {
            var steps = TapNextSteps.For("Nestor Wilke", Start, Start.AddHours(1), isUsableOnce: true, isUsable: true, "EnabledByPolicy");

            Assert.Equal(
                "Give the pass to Nestor Wilke out of band; between 2026-03-02 09:00 UTC and 2026-03-02 10:00 UTC they sign in at https://aka.ms/mysecurityinfo with it " +
                "and register the passkey and a backup method within the 10 minutes a one-time pass allows after that sign-in; at 2026-03-02 10:00 UTC the pass expires.",
                steps);
        }

        [Fact]
        public void For_MultiUsePass_HasNoTenMinuteWindow()
        {
            var steps = TapNextSteps.For("Nestor Wilke", Start, Start.AddHours(8), isUsableOnce: false, isUsable: true, "EnabledByPolicy");

            Assert.DoesNotContain("10 minutes", steps);
            Assert.EndsWith("and register the passkey and a backup method; at 2026-03-02 17:00 UTC the pass expires.", steps);
        }

        [Fact]
        public void For_PassTheUserCannotUse_SaysWhatToFixFirst()
        {
            var steps = TapNextSteps.For("Megan Bowen", Start, Start.AddHours(1), isUsableOnce: true, isUsable: false, "DisabledByPolicy");

            Assert.StartsWith("The pass cannot be used until the Temporary Access Pass policy is enabled for Megan Bowen (Graph: DisabledByPolicy). Give the pass", steps);
        }

        [Fact]
        public void For_PassThatStartsLater_IsNotCalledUnusable()
        {
            var steps = TapNextSteps.For("Nestor Wilke", Start, Start.AddHours(1), isUsableOnce: true, isUsable: false, "NotYetValid");

            Assert.StartsWith("Give the pass to Nestor Wilke out of band; between 2026-03-02 09:00 UTC", steps);
        }
    }
}
