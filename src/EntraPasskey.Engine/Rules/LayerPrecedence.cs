using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>
    /// The order of one layer's rules, most decisive first, declared in one place per layer (the layer's folder). The
    /// <see cref="Judge"/> reports a layer's first failure, else its first Unknown, else its first warning, and joins
    /// pass and not-checked messages in this order, so the list is what decides which of two true causes a user is
    /// told about. Every rule of the layer appears exactly once; <see cref="RuleSet.Default"/> refuses to start
    /// otherwise, so a new rule cannot run in an accidental place.
    /// </summary>
    public abstract class LayerPrecedence
    {
        protected LayerPrecedence(PasskeyLayer layer, params Type[] mostDecisiveFirst)
        {
            Layer = layer;
            Rules = mostDecisiveFirst;
        }

        public PasskeyLayer Layer { get; }

        /// <summary>The rule types of <see cref="Layer"/>, most decisive first.</summary>
        public IReadOnlyList<Type> Rules { get; }
    }
}
