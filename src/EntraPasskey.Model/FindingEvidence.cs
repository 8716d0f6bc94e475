using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace EntraPasskey
{
    /// <summary>
    /// The facts a finding rests on (the excluding group, the registered methods, ...), as ordered name/value pairs.
    /// It serialises as a JSON object and prints as one readable line, so it survives Format-Table, Export-Csv and
    /// ConvertTo-Json at its default depth.
    /// </summary>
    public sealed class FindingEvidence : ReadOnlyDictionary<string, string>
    {
        public static readonly FindingEvidence Empty = new FindingEvidence(new Dictionary<string, string>());

        public FindingEvidence(IDictionary<string, string> values)
            : base(new Dictionary<string, string>(values))
        {
        }

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));
    }
}
