using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>Shorthand for building a rule's evidence in order.</summary>
    internal static class Facts
    {
        public static IDictionary<string, string> Of(params (string Key, string? Value)[] pairs)
        {
            var evidence = new Dictionary<string, string>();
            foreach (var (key, value) in pairs)
            {
                if (value != null)
                {
                    evidence[key] = value;
                }
            }

            return evidence;
        }
    }
}
