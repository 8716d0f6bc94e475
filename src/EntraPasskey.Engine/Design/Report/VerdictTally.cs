using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Design.Report
{
    /// <summary>
    /// Test-EntraPasskey verdicts counted by the layer that decided them and its owner queue, for the report's chart.
    /// Counts only, so piping a whole tenant's verdicts in costs no memory per user. The deciding layer is the blocking
    /// layer of a Blocked verdict, and for AtRisk or Unknown the layer that warns or could not be evaluated.
    /// </summary>
    public sealed class VerdictTally
    {
        private readonly Dictionary<(int Layer, Verdict Verdict), int> _byLayer = new Dictionary<(int, Verdict), int>();

        public int Total { get; private set; }

        public int Ready { get; private set; }

        public void Add(PasskeyDiagnosis diagnosis)
        {
            Total++;
            if (diagnosis.Verdict == Verdict.Ready)
            {
                Ready++;
                return;
            }

            var layer = diagnosis.Layer ?? 0;
            var key = (layer, diagnosis.Verdict);
            _byLayer[key] = _byLayer.TryGetValue(key, out var count) ? count + 1 : 1;
        }

        /// <summary>Verdicts decided at <paramref name="layer"/> (1-7; 0 for none the verdict names).</summary>
        public int Count(int layer, Verdict verdict) => _byLayer.TryGetValue((layer, verdict), out var count) ? count : 0;

        public int CountAt(int layer) => _byLayer.Where(p => p.Key.Layer == layer).Sum(p => p.Value);

        /// <summary>Verdicts other than Ready whose deciding layer belongs to the queue.</summary>
        public int CountFor(OwnerQueue owner) =>
            _byLayer.Where(p => p.Key.Layer >= 1 && p.Key.Layer <= LayerCatalog.Count && LayerCatalog.OwnerOf((PasskeyLayer)p.Key.Layer) == owner).Sum(p => p.Value);

        public int CountOf(Verdict verdict) => verdict == Verdict.Ready ? Ready : _byLayer.Where(p => p.Key.Verdict == verdict).Sum(p => p.Value);
    }
}
