using System.Linq;

namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>
    /// Graph refuses a pass for an external guest (a B2B collaboration user: invited, or carrying an external state).
    /// Internal guests, userType Guest without either, can get one (graph-facts §2.2).
    /// </summary>
    public sealed class ExternalGuestCheck : ITapCheck
    {
        public const string ErrorId = "TapExternalGuest";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            var user = input.User;
            if (!input.Usability.Barriers.Contains(TapBarrier.ExternalGuest))
            {
                return null;
            }

            var how = string.IsNullOrEmpty(user.ExternalUserState) ? "creationType Invitation" : $"externalUserState {user.ExternalUserState}";
            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidOperation, TapCheckSeverity.Refuse,
                $"{user.Name} is an external guest ({how}). Temporary Access Pass cannot be added to an external guest user.",
                "The person signs in and registers methods with their home organisation. If they should work here as an employee, give them a member account.");
        }
    }
}
