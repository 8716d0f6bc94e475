using System;
using System.Globalization;

namespace EntraPasskey
{
    /// <summary>
    /// A Temporary Access Pass just issued to a user, with what the help desk tells them. The pass itself is in
    /// <see cref="TemporaryAccessPass"/> and nowhere else: <see cref="ToString"/> leaves it out, so logs and
    /// string conversions never carry it.
    /// </summary>
    public sealed class BootstrapTap
    {
        public BootstrapTap(
            string userPrincipalName,
            string userId,
            string temporaryAccessPass,
            DateTimeOffset startDateTime,
            int lifetimeInMinutes,
            bool isUsableOnce,
            bool isUsable,
            string? methodUsabilityReason,
            string nextSteps)
        {
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            TemporaryAccessPass = temporaryAccessPass ?? throw new ArgumentNullException(nameof(temporaryAccessPass));
            StartDateTime = startDateTime;
            LifetimeInMinutes = lifetimeInMinutes;
            IsUsableOnce = isUsableOnce;
            IsUsable = isUsable;
            MethodUsabilityReason = methodUsabilityReason;
            NextSteps = nextSteps;
        }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        /// <summary>The pass. Microsoft Graph returns it only once, when it is created.</summary>
        public string TemporaryAccessPass { get; }

        public DateTimeOffset StartDateTime { get; }

        public DateTimeOffset ExpiresDateTime => StartDateTime.AddMinutes(LifetimeInMinutes);

        public int LifetimeInMinutes { get; }

        /// <summary>True: the pass works for one sign-in (then 10 minutes to register); false: until it expires.</summary>
        public bool IsUsableOnce { get; }

        /// <summary>Whether Graph says the pass can be used now.</summary>
        public bool IsUsable { get; }

        /// <summary>Graph's reason: EnabledByPolicy, DisabledByPolicy, NotYetValid, Expired or OneTimeUsed.</summary>
        public string? MethodUsabilityReason { get; }

        /// <summary>What the user does with the pass, in one line.</summary>
        public string NextSteps { get; }

        public override string ToString() =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1} Temporary Access Pass, {2:yyyy-MM-dd HH:mm} to {3:yyyy-MM-dd HH:mm} UTC",
                UserPrincipalName,
                IsUsableOnce ? "one-time" : "multi-use",
                StartDateTime.UtcDateTime,
                ExpiresDateTime.UtcDateTime);
    }
}
