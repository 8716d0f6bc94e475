using System.Linq;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    /// <summary>De-duplication by correlation id, grouping by user and reason, outreach and the attempt filter.</summary>
    public sealed class FailureGroupingTests
    {
        private const string Megan = "00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7";
        private const string MeganUpn = "MeganB@contoso.com";
        private const string Attestation = "User failed to register Passkey (synced): attestation is required and the authenticator provided none.";

        [Fact]
        public void MergeAttempts_PairSharingACorrelationId_CountsOnceWithTheMostSpecificReason()
        {
            var pair = new[]
            {
                new AuditEventBuilder().Correlation("c1").MinutesAfterStart(1).Activity("Add Passkey (synced)").Reason("User failed to register Passkey (synced).").Recognised(),
                new AuditEventBuilder().Correlation("c1").MinutesAfterStart(0).Reason(Attestation).Detail("AAGuid", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4").Recognised(),
            };

            var attempt = Assert.Single(FailureGrouping.MergeAttempts(pair));

            Assert.Equal("AttestationFailed", attempt.Reason.Code);
            Assert.Equal(Attestation, attempt.ResultReason);
            Assert.Equal(2, attempt.EventCount);
            Assert.Equal(AuditEventBuilder.Start, attempt.Time);
            Assert.Equal("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", attempt.Aaguid);
            Assert.Equal(new[] { "User registered security info", "Add Passkey (synced)" }, attempt.Activities);
        }

        [Fact]
        public void MergeAttempts_AaguidRejectionPairedWithAnAttestationFailure_IsAttestationFailedWhichRanksFirst()
        {
            var pair = new[]
            {
                new AuditEventBuilder().Correlation("c1").MinutesAfterStart(0).Reason("The authenticator with AAGUID ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4 is not allowed by the passkey profile.").Recognised(),
                new AuditEventBuilder().Correlation("c1").MinutesAfterStart(1).Reason(Attestation).Recognised(),
            };

            var attempt = Assert.Single(FailureGrouping.MergeAttempts(pair));

            Assert.Equal(("AttestationFailed", Attestation), (attempt.Reason.Code, attempt.ResultReason));
        }

        [Fact]
        public void MergeAttempts_DifferentCorrelationIds_AreSeparateAttempts()
        {
            var events = new[]
            {
                new AuditEventBuilder().Correlation("c1").Recognised(),
                new AuditEventBuilder().Correlation("c2").Recognised(),
            };

            Assert.Equal(2, FailureGrouping.MergeAttempts(events).Count);
        }

        [Fact]
        public void MergeAttempts_EventsWithoutCorrelationId_EachCountOnce()
        {
            var events = new[]
            {
                new AuditEventBuilder().Correlation("").Recognised(),
                new AuditEventBuilder().Correlation(null).Recognised(),
            };

            var attempts = FailureGrouping.MergeAttempts(events);

            Assert.Equal(2, attempts.Count);
            Assert.All(attempts, a => Assert.StartsWith("event-", a.CorrelationId));
            Assert.All(attempts, a => Assert.Null(a.Aaguid));
        }

        [Fact]
        public void MergeAttempts_TheSameEventReadTwice_CountsOnce()
        {
            var once = new AuditEventBuilder().Id("same").Correlation("c1");

            var attempt = Assert.Single(FailureGrouping.MergeAttempts(new[] { once.Recognised(), once.Recognised() }));

            Assert.Equal(1, attempt.EventCount);
        }

        [Fact]
        public void Group_ThreeAttemptsOfOneUser_NeedsOutreachOnEveryRowOfThatUser()
        {
            var attempts = FailureGrouping.MergeAttempts(new[]
            {
                Failure(Megan, MeganUpn, "c1", 0, "Passkey (device-bound) is not enabled for this user."),
                Failure(Megan, MeganUpn, "c2", 10, "Passkey (device-bound) is not enabled for this user."),
                Failure(Megan, MeganUpn, "c3", 20, "The passkey request timed out."),
                Failure("f0d296dc-76c4-442a-9ac0-955d7ea6b7b3", "AdeleV@contoso.com", "c4", 5, Attestation),
                Failure("f0d296dc-76c4-442a-9ac0-955d7ea6b7b3", "AdeleV@contoso.com", "c5", 6, Attestation),
            });

            var groups = FailureGrouping.Group(attempts, minimumAttempts: 1);

            Assert.Equal(
                new[] { ("AdeleV@contoso.com", "AttestationFailed", 2, false), (MeganUpn, "PolicyDisallowsPasskey", 2, true), (MeganUpn, "CancelledOrTimedOut", 1, true) },
                groups.Select(g => (g.UserPrincipalName, g.Reason.Code, g.Attempts, g.NeedsOutreach)));
            var megan = groups[1];
            Assert.Equal(AuditEventBuilder.Start, megan.FirstSeen);
            Assert.Equal(AuditEventBuilder.Start.AddMinutes(10), megan.LastSeen);
            Assert.Equal(new[] { "c1", "c2" }, megan.CorrelationIds);
            Assert.Equal(new[] { "Passkey (device-bound)" }, megan.Methods);
        }

        [Fact]
        public void Group_TwoAttempts_IsNotOutreachYet()
        {
            var attempts = FailureGrouping.MergeAttempts(new[] { Failure(Megan, MeganUpn, "c1", 0, Attestation), Failure(Megan, MeganUpn, "c2", 1, Attestation) });

            Assert.False(Assert.Single(FailureGrouping.Group(attempts, 1)).NeedsOutreach);
        }

        [Fact]
        public void Group_MinimumAttempts_DropsSmallerRowsButOutreachCountsThem()
        {
            var attempts = FailureGrouping.MergeAttempts(new[]
            {
                Failure(Megan, MeganUpn, "c1", 0, Attestation),
                Failure(Megan, MeganUpn, "c2", 1, Attestation),
                Failure(Megan, MeganUpn, "c3", 2, "The passkey request timed out."),
            });

            var group = Assert.Single(FailureGrouping.Group(attempts, minimumAttempts: 2));

            Assert.Equal("AttestationFailed", group.Reason.Code);
            Assert.True(group.NeedsOutreach);
        }

        [Fact]
        public void Filter_KeepsTheAttemptsOfRowsWithEnoughAttempts_ByUserThenTime()
        {
            var attempts = FailureGrouping.MergeAttempts(new[]
            {
                Failure(Megan, MeganUpn, "c2", 5, Attestation),
                Failure(Megan, MeganUpn, "c1", 1, Attestation),
                Failure(Megan, MeganUpn, "c3", 2, "The passkey request timed out."),
            });

            Assert.Equal(new[] { "c1", "c2" }, FailureGrouping.Filter(attempts, 2).Select(a => a.CorrelationId));
            Assert.Equal(new[] { "c1", "c3", "c2" }, FailureGrouping.Filter(attempts, 1).Select(a => a.CorrelationId));
        }

        [Fact]
        public void Group_SameUserDifferentCaseOfId_IsOneUser()
        {
            var attempts = FailureGrouping.MergeAttempts(new[]
            {
                Failure(Megan, MeganUpn, "c1", 0, Attestation),
                Failure(Megan.ToUpperInvariant(), MeganUpn, "c2", 1, Attestation),
            });

            Assert.Equal(2, Assert.Single(FailureGrouping.Group(attempts, 1)).Attempts);
        }

        private static RecognisedFailure Failure(string userId, string upn, string correlation, int minutes, string reason) =>
            new AuditEventBuilder().User(userId, upn).Correlation(correlation).MinutesAfterStart(minutes).Reason(reason).Recognised();
    }
}
