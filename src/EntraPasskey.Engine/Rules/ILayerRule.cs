using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>
    /// One cause of failure, as a pure function of the evidence. Rules are found by reflection, so a new cause is one
    /// new file (plus its tests). Within a layer, rules run in <see cref="Order"/>; the first failure names the layer's
    /// reason.
    /// </summary>
    public interface ILayerRule
    {
        PasskeyLayer Layer { get; }

        /// <summary>Position within the layer; lower runs first. Unique within a layer.</summary>
        int Order { get; }

        /// <summary>Every reason code this rule can produce.</summary>
        IReadOnlyList<string> ReasonCodes { get; }

        /// <summary>The outcome, or null when the rule has nothing to say about this user.</summary>
        RuleOutcome? Evaluate(DiagnosisInput input);
    }
}
