using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>
    /// One cause of failure, as a pure function of the evidence. Within a layer, rules run in the order the layer's
    /// <see cref="LayerPrecedence"/> declares; the first failure names the layer's reason.
    /// </summary>
    public interface ILayerRule
    {
        PasskeyLayer Layer { get; }

        /// <summary>Every reason code this rule can produce.</summary>
        IReadOnlyList<string> ReasonCodes { get; }

        /// <summary>The outcome, or null when the rule has nothing to say about this user.</summary>
        RuleOutcome? Evaluate(DiagnosisInput input);
    }
}
