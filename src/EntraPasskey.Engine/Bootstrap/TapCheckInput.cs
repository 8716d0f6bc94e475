using System;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>What the pre-issue checks look at: the tenant, the user, the TAP policy and the pass asked for.</summary>
    public sealed class TapCheckInput
    {
        /// <summary>Graph's documented defaults, for a tenant whose policy has no TAP configuration (then TAP is off).</summary>
        private static readonly TapPolicy Missing =
            new TapPolicy(false, Array.Empty<PolicyTarget>(), Array.Empty<PolicyTarget>(), 60, 60, 480, false, 8);

        public TapCheckInput(TenantSnapshot tenant, UserEvidence user, BootstrapTapRequest request)
        {
            Tenant = tenant;
            User = user;
            Policy = tenant.Tap ?? Missing;
            LifetimeInMinutes = request.LifetimeInMinutes ?? Policy.DefaultLifetimeInMinutes;
            IsUsableOnce = request.IsUsableOnce;
            Usability = TapUsability.Of(tenant.Tap, user);
        }

        public TenantSnapshot Tenant { get; }

        public UserEvidence User { get; }

        public TapPolicy Policy { get; }

        /// <summary>The lifetime asked for, or the policy's default.</summary>
        public int LifetimeInMinutes { get; }

        public bool IsUsableOnce { get; }

        /// <summary>Whether a pass issued now could be used by the user, and what stands in the way.</summary>
        public TapUsability Usability { get; }
    }
}
