using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>An AAGUID allow or block list (Graph's fido2KeyRestrictions). Not enforced means no list applies.</summary>
    public sealed record KeyRestrictions(bool IsEnforced, KeyRestrictionMode Mode, IReadOnlyList<Guid> Aaguids)
    {
        public static readonly KeyRestrictions None = new KeyRestrictions(false, KeyRestrictionMode.Block, Array.Empty<Guid>());

        public static KeyRestrictions Allow(params Guid[] aaguids) => new KeyRestrictions(true, KeyRestrictionMode.Allow, aaguids);

        public static KeyRestrictions Block(params Guid[] aaguids) => new KeyRestrictions(true, KeyRestrictionMode.Block, aaguids);

        public bool Lists(Guid aaguid) => Aaguids.Contains(aaguid);

        public string Describe()
        {
            if (!IsEnforced)
            {
                return "no key restrictions";
            }

            var count = Aaguids.Count == 1 ? "1 AAGUID" : $"{Aaguids.Count} AAGUIDs";
            switch (Mode)
            {
                case KeyRestrictionMode.Allow: return $"allow list of {count}";
                case KeyRestrictionMode.Block: return $"block list of {count}";
                default: return $"key restrictions of an unrecognised kind ({count})";
            }
        }
    }

    public enum KeyRestrictionMode
    {
        Allow,
        Block,
        /// <summary>Missing, or a value this version cannot read.</summary>
        Unrecognised,
    }
}
