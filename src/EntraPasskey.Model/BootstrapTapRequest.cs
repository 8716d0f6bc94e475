using System;

namespace EntraPasskey
{
    /// <summary>What New-PasskeyBootstrapTap was asked for; the same for every user of one run.</summary>
    public sealed class BootstrapTapRequest
    {
        public BootstrapTapRequest(int? lifetimeInMinutes, DateTimeOffset? startDateTime, bool isUsableOnce, bool force)
        {
            LifetimeInMinutes = lifetimeInMinutes;
            StartDateTime = startDateTime;
            IsUsableOnce = isUsableOnce;
            Force = force;
        }

        /// <summary>Null: the TAP policy's default lifetime.</summary>
        public int? LifetimeInMinutes { get; }

        /// <summary>Null: the pass starts when it is created.</summary>
        public DateTimeOffset? StartDateTime { get; }

        public bool IsUsableOnce { get; }

        /// <summary>Issue even when the pass could not be used (TAP method off, user outside its targets), and replace an existing pass without asking.</summary>
        public bool Force { get; }
    }
}
