using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace EntraPasskey
{
    /// <summary>
    /// A short list of values (methods, AAGUIDs, correlation ids). It serialises as a JSON array and prints as one
    /// line ("a; b"), so it survives Format-Table and Export-Csv, which would otherwise show System.String[].
    /// </summary>
    public sealed class TextList : ReadOnlyCollection<string>
    {
        public TextList(IEnumerable<string> items)
            : base(items.ToList())
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
