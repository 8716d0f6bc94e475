using System;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>An SDK enum member as Graph spells it on the wire: camelCase (IOS → iOS, MacOS → macOS, Mfa → mfa).</summary>
    internal static class WireName
    {
        public static string Of(Enum value)
        {
            var name = value.ToString();
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }
}
