using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>Runs the rules of each layer and composes the verdict. Pure: same input, same diagnosis.</summary>
    public sealed class Judge
    {
        private readonly RuleSet _rules;

        public Judge(RuleSet rules)
        {
            _rules = rules;
        }

        public static Judge Default { get; } = new Judge(RuleSet.Default);

        public PasskeyDiagnosis Diagnose(DiagnosisInput input)
        {
            var judged = Enumerable.Range(1, LayerCatalog.Count)
                .Select(n => JudgeLayer((PasskeyLayer)n, input))
                .ToList();
            return Compose(input, new LayerFindingCollection(judged.Select(j => j.Finding).ToList()), judged.Select(j => j.Headline).ToList());
        }

        /// <summary>The layer's finding, and the headline its deciding rule gave for the summary (null for the message's first sentence).</summary>
        private (LayerFinding Finding, string? Headline) JudgeLayer(PasskeyLayer layer, DiagnosisInput input)
        {
            var rules = _rules.For(layer).ToList();
            if (rules.Count == 0)
            {
                return (new LayerFinding(layer, FindingStatus.NotChecked, null, "This layer is not evaluated yet.", null, null), null);
            }

            var outcomes = rules.Select(rule => rule.Evaluate(input)).Where(o => o != null).Select(o => o!).ToList();
            if (outcomes.Count == 0)
            {
                // Every rule said it had nothing to go on (no evidence for this layer): not a pass.
                return (new LayerFinding(layer, FindingStatus.NotChecked, null, NotEvaluatedMessages.For(layer), null, null), null);
            }

            var decisive = FirstWith(outcomes, FindingStatus.Fail)
                ?? FirstWith(outcomes, FindingStatus.Unknown)
                ?? FirstWith(outcomes, FindingStatus.Warn)
                ?? FirstWith(outcomes, FindingStatus.Advice);
            if (decisive != null)
            {
                return (new LayerFinding(layer, decisive.Status, decisive.ReasonCode, decisive.Message!, decisive.Remediation, new FindingEvidence(decisive.Evidence)), decisive.Headline);
            }

            var evidence = new Dictionary<string, string>();
            foreach (var pair in outcomes.SelectMany(o => o.Evidence))
            {
                evidence[pair.Key] = pair.Value;
            }

            var notChecked = outcomes.Where(o => o.Status == FindingStatus.NotChecked).Select(o => o.Message!).Distinct().ToList();
            if (notChecked.Count > 0)
            {
                return (new LayerFinding(layer, FindingStatus.NotChecked, null, string.Join(" ", notChecked), null, new FindingEvidence(evidence)), null);
            }

            var message = outcomes.Where(o => o.Status == FindingStatus.Pass).Select(o => o.Message).FirstOrDefault(m => m != null);
            return (new LayerFinding(layer, FindingStatus.Pass, null, message ?? PassMessages.For(layer), null, new FindingEvidence(evidence)), null);
        }

        private static RuleOutcome? FirstWith(IEnumerable<RuleOutcome> outcomes, FindingStatus status) =>
            outcomes.FirstOrDefault(o => o.Status == status);

        /// <summary>
        /// The verdict says whether someone must act before the user adds a passkey. Blocked if any layer fails (the
        /// first one blocks, its queue owns it); otherwise Unknown if a layer that can block could not be evaluated;
        /// otherwise AtRisk if any layer warns (something to fix or confirm first); otherwise Ready, whose summary
        /// repeats the instruction of any advice for the moment of registration (<see cref="FindingStatus.Advice"/>). An Unknown in a layer
        /// that cannot block (<see cref="LayerCatalog.CanBlock"/>) cannot hide a failure, so it is named in the summary
        /// without deciding the verdict.
        /// </summary>
        private static PasskeyDiagnosis Compose(DiagnosisInput input, LayerFindingCollection findings, IReadOnlyList<string?> headlines)
        {
            string Headline(LayerFinding finding) => headlines[finding.Layer - 1] ?? finding.Message;

            var user = input.User;
            var failed = findings.FirstOrDefault(f => f.Status == FindingStatus.Fail);
            var unknown = findings.FirstOrDefault(f => f.Status == FindingStatus.Unknown && LayerCatalog.CanBlock((PasskeyLayer)f.Layer));
            var warned = findings.FirstOrDefault(f => f.Status == FindingStatus.Warn);
            var advice = findings.Where(f => f.Status == FindingStatus.Advice).ToList();
            var advisoryUnknowns = findings.Where(f => f.Status == FindingStatus.Unknown && !LayerCatalog.CanBlock((PasskeyLayer)f.Layer)).ToList();

            Verdict verdict;
            LayerFinding? decisive;
            string summary;
            if (failed != null)
            {
                verdict = Verdict.Blocked;
                decisive = failed;
                summary = SummaryText.Compose($"Blocked at layer {failed.Layer} ({failed.LayerName}): ", Headline(failed));
            }
            else if (unknown != null)
            {
                verdict = Verdict.Unknown;
                decisive = unknown;
                summary = SummaryText.Compose($"Unknown at layer {unknown.Layer} ({unknown.LayerName}): ", Headline(unknown));
            }
            else if (warned != null)
            {
                verdict = Verdict.AtRisk;
                decisive = warned;
                summary = SummaryText.Compose($"At risk at layer {warned.Layer} ({warned.LayerName}): ", Headline(warned), AlsoUnknown(advisoryUnknowns));
            }
            else
            {
                verdict = Verdict.Ready;
                decisive = null;
                summary = SummaryText.Compose(string.Empty, ReadySummary(user.Name, findings) + string.Concat(advice.Select(f => " " + Instruction(f.Message))), AlsoUnknown(advisoryUnknowns));
            }

            return new PasskeyDiagnosis(
                user.UserPrincipalName,
                user.Id,
                user.DisplayName,
                verdict,
                failed?.Layer,
                decisive?.Layer,
                decisive == null ? (OwnerQueue?)null : LayerCatalog.OwnerOf((PasskeyLayer)decisive.Layer),
                decisive?.ReasonCode,
                summary,
                decisive?.Remediation,
                findings,
                input.Now);
        }

        /// <summary>
        /// The instruction an Advice message opens with, up to its colon ("Just before adding the passkey, Adele Vance
        /// should sign out and sign in again with MFA."): the summary stays short, the reason stays in the finding.
        /// </summary>
        private static string Instruction(string message)
        {
            var colon = message.IndexOf(": ", StringComparison.Ordinal);
            return colon < 0 ? message : message.Substring(0, colon) + ".";
        }

        private static string AlsoUnknown(IReadOnlyList<LayerFinding> unknowns) =>
            string.Concat(unknowns.Select(f => $" Layer {f.Layer} ({f.LayerName}) is unknown ({f.ReasonCode})."));

        private static string ReadySummary(string name, LayerFindingCollection findings)
        {
            var notChecked = findings.Where(f => f.Status == FindingStatus.NotChecked).Select(f => f.Layer).ToList();
            return notChecked.Count == 0
                ? $"Ready: nothing stops {name} from adding a passkey in Security info."
                : $"Ready: nothing in the checked layers stops {name} from adding a passkey (not checked: layers {string.Join(", ", notChecked)}).";
        }
    }
}
