using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>What can stand between a user and signing in with a Temporary Access Pass issued now.</summary>
    public enum TapBarrier
    {
        /// <summary>The account is disabled: nobody signs in with it.</summary>
        AccountDisabled,

        /// <summary>An external guest: Graph refuses to create the pass.</summary>
        ExternalGuest,

        /// <summary>The Temporary Access Pass method is off (or the policy has no TAP configuration).</summary>
        MethodDisabled,

        /// <summary>The TAP policy excludes the user (exclusion beats inclusion; nested groups count).</summary>
        Excluded,

        /// <summary>The TAP policy's include targets do not reach the user.</summary>
        NotIncluded,
    }

    /// <summary>
    /// Whether a Temporary Access Pass issued now could be used by the user to sign in: decided once, here, for
    /// New-PasskeyBootstrapTap's checks (which refuse or warn) and for layer 3's advice (which offers a pass only when
    /// one would work). <see cref="Barriers"/> lists what stands in the way in <see cref="TapBarrier"/> order, the
    /// order both report it in.
    /// </summary>
    public sealed class TapUsability
    {
        private TapUsability(IReadOnlyList<TapBarrier> barriers, PolicyTarget? excludedBy, bool included)
        {
            Barriers = barriers;
            ExcludedBy = excludedBy;
            Included = included;
        }

        /// <summary>Everything in the way, in <see cref="TapBarrier"/> order; empty when a pass would be usable.</summary>
        public IReadOnlyList<TapBarrier> Barriers { get; }

        /// <summary>The first TAP policy exclude target the user matches; also when the method is off.</summary>
        public PolicyTarget? ExcludedBy { get; }

        /// <summary>Whether an include target of the TAP policy reaches the user; also when the method is off.</summary>
        public bool Included { get; }

        /// <summary>The barrier to report first; null when a pass would be usable.</summary>
        public TapBarrier? First => Barriers.Count == 0 ? (TapBarrier?)null : Barriers[0];

        /// <param name="policy">The tenant's TAP configuration; null when the methods policy has none (then the method is off).</param>
        public static TapUsability Of(TapPolicy? policy, UserEvidence user)
        {
            var barriers = new List<TapBarrier>();
            if (user.AccountEnabled == false)
            {
                barriers.Add(TapBarrier.AccountDisabled);
            }

            if (user.IsExternalGuest)
            {
                barriers.Add(TapBarrier.ExternalGuest);
            }

            var excludedBy = policy == null ? null : Targeting.FirstMatch(policy.ExcludeTargets, user);
            var included = policy != null && Targeting.FirstMatch(policy.IncludeTargets, user) != null;
            if (policy == null || !policy.Enabled)
            {
                barriers.Add(TapBarrier.MethodDisabled);
            }
            else if (excludedBy != null)
            {
                barriers.Add(TapBarrier.Excluded);
            }
            else if (!included)
            {
                barriers.Add(TapBarrier.NotIncluded);
            }

            return new TapUsability(barriers, excludedBy, included);
        }
    }
}
