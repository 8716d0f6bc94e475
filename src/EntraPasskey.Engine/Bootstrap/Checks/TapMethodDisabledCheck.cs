using System.Linq;

namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>With the TAP method off, Graph can still create a pass, but nobody can sign in with it.</summary>
    public sealed class TapMethodDisabledCheck : ITapCheck
    {
        public const string ErrorId = "TapPolicyDisabled";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            if (!input.Usability.Barriers.Contains(TapBarrier.MethodDisabled))
            {
                return null;
            }

            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidOperation, TapCheckSeverity.Unusable,
                $"The Temporary Access Pass method is disabled in the authentication methods policy, so a pass issued to {input.User.Name} could not be used to sign in.",
                $"Have an Authentication Policy Administrator enable the Temporary Access Pass method for {input.User.Name}, then issue the pass; or pass -Force to issue an unusable pass anyway.");
        }
    }
}
