using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// One cause for which a registered passkey cannot sign in, as a pure function of the evidence and the passkey.
    /// Rules run in <see cref="SignInPrecedence"/>'s order; for each passkey the first failure is its reason, else the
    /// first Unknown, else the first warning.
    /// </summary>
    public interface ISignInRule
    {
        /// <summary>Every reason code this rule can produce.</summary>
        IReadOnlyList<string> ReasonCodes { get; }

        /// <summary>The queue that owns what the rule finds.</summary>
        OwnerQueue Owner { get; }

        /// <summary>The outcome for this passkey, or null when the rule has nothing to say about it.</summary>
        RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey);
    }
}
