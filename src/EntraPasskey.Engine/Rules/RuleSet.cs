using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>The rules of every layer, in each layer's declared <see cref="LayerPrecedence"/>.</summary>
    public sealed class RuleSet
    {
        public static readonly RuleSet Default = FromPrecedence(
            Implementations<LayerPrecedence>().Select(t => (LayerPrecedence)Activator.CreateInstance(t)),
            Implementations<ILayerRule>());

        private readonly ILookup<PasskeyLayer, ILayerRule> _byLayer;

        /// <summary>The rules of each layer run in the order given here.</summary>
        public RuleSet(IEnumerable<ILayerRule> rules)
        {
            All = rules.OrderBy(r => r.Layer).ToList();
            _byLayer = All.ToLookup(r => r.Layer);
        }

        public IReadOnlyList<ILayerRule> All { get; }

        public IEnumerable<ILayerRule> For(PasskeyLayer layer) => _byLayer[layer];

        /// <summary>
        /// The rules the precedences list, in their order; throws when a rule is missing from its layer's list, listed
        /// twice, or listed under another layer.
        /// </summary>
        internal static RuleSet FromPrecedence(IEnumerable<LayerPrecedence> precedences, IEnumerable<Type> ruleTypes)
        {
            var listed = precedences.OrderBy(p => p.Layer).SelectMany(p => p.Rules.Select(type => (p.Layer, type))).ToList();
            var problems = new List<string>();
            problems.AddRange(listed.GroupBy(e => e.type).Where(g => g.Count() > 1).Select(g => $"{g.Key.Name} is listed more than once"));
            problems.AddRange(ruleTypes.Except(listed.Select(e => e.type)).Select(t => $"{t.Name} is in no layer's precedence"));
            var rules = listed.Select(e => (e.Layer, rule: (ILayerRule)Activator.CreateInstance(e.type))).ToList();
            problems.AddRange(rules.Where(e => e.rule.Layer != e.Layer).Select(e => $"{e.rule.GetType().Name} belongs to {e.rule.Layer}, not to {e.Layer}'s precedence"));
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The layer precedences do not match the rules: " + string.Join("; ", problems) + ".");
            }

            return new RuleSet(rules.Select(e => e.rule));
        }

        private static IEnumerable<Type> Implementations<T>() =>
            typeof(RuleSet).Assembly.GetTypes().Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface);
    }
}
