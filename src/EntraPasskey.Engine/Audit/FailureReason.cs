using System.Collections.Generic;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>One normalised reason of the pattern table: what it looks like in the audit text and where it belongs.</summary>
    internal sealed class FailureReason
    {
        public FailureReason(string code, int rank, IReadOnlyList<string> patterns, PasskeyLayer? layer, OwnerQueue? owner, string meaning, string remediation)
        {
            Code = code;
            Rank = rank;
            Patterns = patterns;
            Layer = layer;
            Owner = owner;
            Meaning = meaning;
            Remediation = remediation;
        }

        public string Code { get; }

        /// <summary>Position in the table: when events of one attempt disagree, the lowest rank (most specific) wins.</summary>
        public int Rank { get; }

        public IReadOnlyList<string> Patterns { get; }

        public PasskeyLayer? Layer { get; }

        public OwnerQueue? Owner { get; }

        public string Meaning { get; }

        public string Remediation { get; }
    }
}
