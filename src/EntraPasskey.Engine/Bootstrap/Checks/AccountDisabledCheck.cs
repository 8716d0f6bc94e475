using System.Linq;

namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>A disabled account cannot sign in with a pass; issuing one would only hand out a dormant credential.</summary>
    public sealed class AccountDisabledCheck : ITapCheck
    {
        public const string ErrorId = "TapAccountDisabled";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            if (!input.Usability.Barriers.Contains(TapBarrier.AccountDisabled))
            {
                return null;
            }

            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidOperation, TapCheckSeverity.Refuse,
                $"{input.User.Name}'s account is disabled, so they could not sign in with a Temporary Access Pass; none was issued.",
                "If the person should have access, enable the account (accountEnabled = true), then issue the pass.");
        }
    }
}
