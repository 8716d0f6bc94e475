using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// Answers "can this user sign in with the passkeys they have?": runs the sign-in rules on each registered passkey
    /// (the first failure is its reason, else the first Unknown, else the first warning), reads what the sign-in logs
    /// add, and composes the verdict. Pure: same input, same answer.
    /// </summary>
    public sealed class SignInJudge
    {
        public const string NoPasskeyCode = "NoPasskeyRegistered";

        private readonly IReadOnlyList<ISignInRule> _rules;

        public SignInJudge(IReadOnlyList<ISignInRule> rules)
        {
            _rules = rules;
        }

        public static SignInJudge Default { get; } = new SignInJudge(SignInPrecedence.Default);

        public PasskeySignInDiagnosis Diagnose(DiagnosisInput input)
        {
            var judged = input.User.Methods.Where(m => m.Kind == MethodKind.Fido2).Select(p => Check(p, input)).ToList();
            var checks = judged.Select(j => j.Check).ToList();
            var headlines = judged.Where(j => j.Headline != null).ToDictionary(j => j.Check, j => j.Headline!);
            var logs = SignInLogs.Assess(input);
            var (verdict, owner, code, summary) = Compose(input.User.Name, checks, logs, check => headlines.TryGetValue(check, out var headline) ? headline : check.Message);
            return new PasskeySignInDiagnosis(
                input.User.UserPrincipalName, input.User.Id, input.User.DisplayName, verdict, owner, code, summary,
                new PasskeySignInCheckCollection(checks), logs, input.Now);
        }

        /// <summary>The passkey's check, and the headline its deciding rule gave for the summary (null for the message).</summary>
        private (PasskeySignInCheck Check, string? Headline) Check(RegisteredMethod passkey, DiagnosisInput input)
        {
            var outcomes = _rules.Select(rule => (Rule: rule, Outcome: rule.Evaluate(input, passkey))).Where(r => r.Outcome != null).ToList();
            foreach (var status in new[] { FindingStatus.Fail, FindingStatus.Unknown, FindingStatus.Warn })
            {
                var (rule, outcome) = outcomes.FirstOrDefault(o => o.Outcome!.Status == status);
                if (rule != null)
                {
                    return (Make(passkey, outcome!.Status, outcome.ReasonCode, rule.Owner, outcome.Message!, outcome.Remediation, outcome.Evidence), outcome.Headline);
                }
            }

            var evidence = new Dictionary<string, string>();
            foreach (var pair in outcomes.SelectMany(o => o.Outcome!.Evidence))
            {
                evidence[pair.Key] = pair.Value;
            }

            return (Make(
                passkey, FindingStatus.Pass, null, null,
                $"Passkey {SignInPolicyShortfalls.Name(passkey)} can sign in: Passkey (FIDO2) is enabled for {input.User.Name}, their passkey profiles admit it, and no Conditional Access policy on All resources stops it.",
                null, evidence), null);
        }

        private static PasskeySignInCheck Make(RegisteredMethod passkey, FindingStatus status, string? code, OwnerQueue? owner, string message, string? remediation, IDictionary<string, string> evidence) =>
            new PasskeySignInCheck(
                passkey.Id, passkey.DisplayName, passkey.Aaguid, passkey.Model, passkey.PasskeyType, passkey.AttestationLevel, passkey.CreatedAt,
                status, code, owner, message, remediation, new FindingEvidence(evidence));

        /// <summary>
        /// Blocked when the user has no passkey or none can sign in; Unknown when none is known to work and one is
        /// unknown; otherwise AtRisk when a passkey cannot sign in or warns, or the logs warn; otherwise Ready. Unknown
        /// passkeys beside a working one, and unreadable logs, are named in the summary without deciding it, when
        /// they fit: a summary stays within two lines of a 120-column console (<see cref="SummaryText"/>).
        /// </summary>
        private static (Verdict, OwnerQueue?, string?, string) Compose(string name, IReadOnlyList<PasskeySignInCheck> checks, SignInLogFinding logs, Func<PasskeySignInCheck, string> headline)
        {
            var unreadable = logs.Status == FindingStatus.Unknown ? " The sign-in logs could not be read." : string.Empty;
            if (checks.Count == 0)
            {
                return (Verdict.Blocked, OwnerQueue.User, NoPasskeyCode,
                    $"Blocked: {name} has no passkey registered, so there is none to sign in with; Test-EntraPasskey says whether they can register one.{unreadable}");
            }

            var usable = checks.Where(c => c.CanSignIn == true).ToList();
            var failed = checks.FirstOrDefault(c => c.Status == FindingStatus.Fail);
            var unknown = checks.FirstOrDefault(c => c.Status == FindingStatus.Unknown);
            if (usable.Count == 0 && unknown != null)
            {
                return (Verdict.Unknown, unknown.Owner, unknown.ReasonCode, SummaryText.Compose($"Unknown: whether {name} can sign in with {(checks.Count == 1 ? "their only passkey" : "a passkey")} is unknown. ", headline(unknown), unreadable));
            }

            if (usable.Count == 0)
            {
                var which = checks.Count == 1 ? $"{name} cannot sign in with their only passkey" : $"none of {name}'s {checks.Count} passkeys can sign in";
                return (Verdict.Blocked, failed!.Owner, failed.ReasonCode, SummaryText.Compose($"Blocked: {which}. ", headline(failed), unreadable));
            }

            var names = string.Join(", ", usable.Select(c => $"'{c.Name ?? c.Model ?? c.MethodId}'"));
            var alsoUnknown = checks.Where(c => c.Status == FindingStatus.Unknown).Select(c => $" Passkey '{c.Name ?? c.Model ?? c.MethodId}' is unknown ({c.ReasonCode}).");
            var notes = string.Concat(alsoUnknown) + unreadable;
            var warned = checks.FirstOrDefault(c => c.Status == FindingStatus.Warn);
            if (failed != null)
            {
                return (Verdict.AtRisk, failed.Owner, failed.ReasonCode, SummaryText.Compose($"At risk: {name} can sign in with {names}, but not with '{failed.Name ?? failed.Model ?? failed.MethodId}'. ", headline(failed), notes));
            }

            if (warned != null)
            {
                return (Verdict.AtRisk, warned.Owner, warned.ReasonCode, SummaryText.Compose($"At risk: {name} can sign in with {names}, with a condition. ", headline(warned), notes));
            }

            if (logs.Status == FindingStatus.Warn)
            {
                return (Verdict.AtRisk, logs.Owner, logs.ReasonCode, SummaryText.Compose($"At risk: nothing in the policies stops {name} signing in with {names}. ", logs.Message, notes));
            }

            return (Verdict.Ready, null, null, SummaryText.Compose($"Ready: {name} can sign in with {names}.", string.Empty, notes));
        }
    }
}
