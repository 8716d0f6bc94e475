using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>
    /// A user has one pass at a time: a new one silently replaces a pass they may be about to use (usable now, or
    /// scheduled to start later). Expired, used or policy-disabled passes are replaced without asking.
    /// </summary>
    public sealed class UsableTapExistsCheck : ITapCheck
    {
        public const string ErrorId = "TapReplaceNotConfirmed";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            var existing = input.User.Methods.FirstOrDefault(m =>
                m.Kind == MethodKind.TemporaryAccessPass && (m.TapIsUsable == true || m.TapUsabilityReason == "NotYetValid"));
            if (existing == null)
            {
                return null;
            }

            var window = existing.TapStart.HasValue && existing.TapLifetimeMinutes.HasValue
                ? $" ({TapTimes.Format(existing.TapStart.Value)} to {TapTimes.Format(existing.TapStart.Value.AddMinutes(existing.TapLifetimeMinutes.Value))})"
                : string.Empty;
            var state = existing.TapIsUsable == true ? "a usable" : "a not-yet-valid";
            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidOperation, TapCheckSeverity.Replace,
                $"{input.User.Name} already has {state} Temporary Access Pass{window}. Issuing a new one replaces it, and the old pass stops working.",
                "Confirm the replacement when asked, or pass -Force to replace the pass without asking.");
        }
    }
}
