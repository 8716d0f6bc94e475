using System.Linq;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>
    /// A user the enabled TAP policy does not include, or excludes (exclusion beats inclusion; nested groups count),
    /// gets a pass Graph marks DisabledByPolicy: it cannot be used to sign in.
    /// </summary>
    public sealed class UserOutsideTapTargetsCheck : ITapCheck
    {
        public const string ErrorId = "TapUserNotTargeted";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            var policy = input.Policy;
            var user = input.User;
            var barriers = input.Usability.Barriers;
            if (!barriers.Contains(TapBarrier.Excluded) && !barriers.Contains(TapBarrier.NotIncluded))
            {
                return null;
            }

            var includes = policy.IncludeTargets.Count == 0
                ? "nobody"
                : string.Join(", ", policy.IncludeTargets.Select(t => Targeting.Describe(t, input.Tenant)));
            var why = barriers.Contains(TapBarrier.Excluded)
                ? $"{user.Name} is excluded from the Temporary Access Pass policy by {Targeting.Describe(input.Usability.ExcludedBy!, input.Tenant)}"
                : $"{user.Name} is not in the Temporary Access Pass policy's include targets ({includes})";

            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidOperation, TapCheckSeverity.Unusable,
                why + ", so a pass issued to them could not be used to sign in.",
                $"Add {user.Name} to a group the Temporary Access Pass policy includes ({includes}) and not to an excluded one, then issue the pass; or pass -Force to issue an unusable pass anyway.");
        }
    }
}
