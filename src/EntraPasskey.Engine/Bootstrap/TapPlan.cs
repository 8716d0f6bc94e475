using System;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>
    /// A pass cleared to be issued to one user: what will be created, the ShouldProcess text, and the replacement the
    /// caller must confirm first (null when there is none or -Force was given).
    /// </summary>
    public sealed class TapPlan
    {
        internal TapPlan(string input, UserEvidence user, int lifetimeInMinutes, bool isUsableOnce, DateTimeOffset? startDateTime, bool replaces, TapCheckFinding? confirmation)
        {
            Input = input;
            User = user;
            LifetimeInMinutes = lifetimeInMinutes;
            IsUsableOnce = isUsableOnce;
            StartDateTime = startDateTime;
            Replaces = replaces;
            Confirmation = confirmation;
        }

        /// <summary>The user as the caller gave it.</summary>
        public string Input { get; }

        public string UserPrincipalName => User.UserPrincipalName;

        public int LifetimeInMinutes { get; }

        public bool IsUsableOnce { get; }

        public DateTimeOffset? StartDateTime { get; }

        /// <summary>ShouldProcess's action: what kind of pass, for how long, from when.</summary>
        public string Action =>
            $"Issue a {(IsUsableOnce ? "one-time" : "multi-use")} Temporary Access Pass valid for {LifetimeInMinutes} minutes, "
            + (StartDateTime.HasValue ? "from " + TapTimes.Format(StartDateTime.Value) : "from now")
            + (Replaces ? ", replacing the user's existing pass" : string.Empty);

        public bool NeedsConfirmation => Confirmation != null;

        public string ConfirmationQuery => (Confirmation?.Message ?? string.Empty) + " Replace it?";

        public string ConfirmationCaption => $"Replace the Temporary Access Pass of {UserPrincipalName}";

        internal UserEvidence User { get; }

        internal bool Replaces { get; }

        internal TapCheckFinding? Confirmation { get; }

        /// <summary>The error for a replacement nobody could confirm (no interactive host, and no -Force).</summary>
        public EntraPasskeyException NotConfirmed() =>
            (Confirmation ?? throw new InvalidOperationException("This plan needs no confirmation.")).ToException(Input);
    }
}
