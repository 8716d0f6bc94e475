using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>The rules of every layer, discovered once from this assembly.</summary>
    public sealed class RuleSet
    {
        public static readonly RuleSet Default = new RuleSet(
            typeof(RuleSet).Assembly.GetTypes()
                .Where(t => typeof(ILayerRule).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
                .Select(t => (ILayerRule)Activator.CreateInstance(t)));

        private readonly ILookup<PasskeyLayer, ILayerRule> _byLayer;

        public RuleSet(IEnumerable<ILayerRule> rules)
        {
            All = rules.OrderBy(r => r.Layer).ThenBy(r => r.Order).ToList();
            _byLayer = All.ToLookup(r => r.Layer);
        }

        public IReadOnlyList<ILayerRule> All { get; }

        public IEnumerable<ILayerRule> For(PasskeyLayer layer) => _byLayer[layer];
    }
}
