using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EntraPasskey
{
    /// <summary>One finding per layer, in layer order. Prints as a compact line for Export-Csv.</summary>
    public sealed class LayerFindingCollection : ReadOnlyCollection<LayerFinding>
    {
        public LayerFindingCollection(IList<LayerFinding> findings)
            : base(new List<LayerFinding>(findings))
        {
        }

        /// <summary>The finding of one layer.</summary>
        public LayerFinding this[PasskeyLayer layer] => this[(int)layer - 1];

        public override string ToString() => string.Join(" | ", this);
    }
}
