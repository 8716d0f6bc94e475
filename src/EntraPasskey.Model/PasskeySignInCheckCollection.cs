using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EntraPasskey
{
    /// <summary>A user's passkeys, each with whether it can sign in. Prints as a compact line for Export-Csv.</summary>
    public sealed class PasskeySignInCheckCollection : ReadOnlyCollection<PasskeySignInCheck>
    {
        public PasskeySignInCheckCollection(IList<PasskeySignInCheck> checks)
            : base(new List<PasskeySignInCheck>(checks))
        {
        }

        public override string ToString() => string.Join(" | ", this);
    }
}
