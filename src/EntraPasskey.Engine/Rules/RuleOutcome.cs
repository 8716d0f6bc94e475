using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>What one rule concluded. Pass outcomes only contribute evidence to the layer's pass finding.</summary>
    public sealed class RuleOutcome
    {
        private RuleOutcome(FindingStatus status, string? reasonCode, string? message, string? remediation, IDictionary<string, string>? evidence, string? headline = null)
        {
            Headline = headline;
            Status = status;
            ReasonCode = reasonCode;
            Message = message;
            Remediation = remediation;
            Evidence = evidence ?? new Dictionary<string, string>();
        }

        public FindingStatus Status { get; }

        public string? ReasonCode { get; }

        public string? Message { get; }

        public string? Remediation { get; }

        public IDictionary<string, string> Evidence { get; }

        /// <summary>
        /// What the diagnosis summary says of this outcome when it decides the verdict, for a rule whose message's
        /// first sentence is too long to read aloud; null for that first sentence (<see cref="SummaryText"/>).
        /// </summary>
        public string? Headline { get; }

        public static RuleOutcome Fail(string reasonCode, string message, string remediation, IDictionary<string, string>? evidence = null, string? headline = null) =>
            new RuleOutcome(FindingStatus.Fail, reasonCode, message, remediation, evidence, headline);

        public static RuleOutcome Warn(string reasonCode, string message, string remediation, IDictionary<string, string>? evidence = null, string? headline = null) =>
            new RuleOutcome(FindingStatus.Warn, reasonCode, message, remediation, evidence, headline);

        /// <summary>
        /// An instruction for the moment of registration, with nothing to fix beforehand (sign in again with MFA just
        /// before adding the passkey). The message opens with the instruction, then a colon and why: a Ready summary
        /// repeats the instruction, the finding keeps the whole message.
        /// </summary>
        public static RuleOutcome Advice(string reasonCode, string message, string remediation, IDictionary<string, string>? evidence = null) =>
            new RuleOutcome(FindingStatus.Advice, reasonCode, message, remediation, evidence);

        public static RuleOutcome Unknown(string reasonCode, string message, string remediation, IDictionary<string, string>? evidence = null, string? headline = null) =>
            new RuleOutcome(FindingStatus.Unknown, reasonCode, message, remediation, evidence, headline);

        /// <summary>
        /// A pass; its evidence joins the layer's pass finding. A message, when given, replaces the layer's generic
        /// pass message (the first such message in rule order wins), for passes that have something to tell.
        /// </summary>
        public static RuleOutcome Pass(IDictionary<string, string> evidence, string? message = null) =>
            new RuleOutcome(FindingStatus.Pass, null, message, null, evidence);

        /// <summary>
        /// The rule could not run because input it needs was not given (an attempt hint, say). The message says what to
        /// pass. A layer whose only verdicts are NotChecked and Pass reports NotChecked, never a Pass it did not check.
        /// </summary>
        public static RuleOutcome NotChecked(string message, IDictionary<string, string>? evidence = null) =>
            new RuleOutcome(FindingStatus.NotChecked, null, message, null, evidence);
    }
}
