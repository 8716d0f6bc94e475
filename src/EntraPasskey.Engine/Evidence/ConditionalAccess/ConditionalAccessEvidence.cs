using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The Conditional Access policies that target the user action "Register security information" and those on All
    /// resources (which also cover signing in to Security info and Authenticator), or why they could not be read.
    /// Policies for other resources are not kept.
    /// </summary>
    public sealed class ConditionalAccessEvidence
    {
        private ConditionalAccessEvidence(IReadOnlyList<RegistrationPolicy> policies, IReadOnlyList<AllResourcesPolicy> allResources, EvidenceGap? gap)
        {
            RegistrationPolicies = policies;
            AllResourcesPolicies = allResources;
            Gap = gap;
        }

        /// <summary>Used until the policies are read: nothing is assumed about them.</summary>
        public static ConditionalAccessEvidence NotRead { get; } =
            Unavailable(new EvidenceGap("Conditional Access policies were not read.", null));

        public IReadOnlyList<RegistrationPolicy> RegistrationPolicies { get; }

        public IReadOnlyList<AllResourcesPolicy> AllResourcesPolicies { get; }

        /// <summary>Null when the policies were read.</summary>
        public EvidenceGap? Gap { get; }

        /// <param name="allResources">Required: a caller that did not read them must say Unavailable, not "none".</param>
        public static ConditionalAccessEvidence Read(IEnumerable<RegistrationPolicy> policies, IEnumerable<AllResourcesPolicy> allResources) =>
            new ConditionalAccessEvidence(policies.ToList(), allResources.ToList(), null);

        public static ConditionalAccessEvidence Unavailable(EvidenceGap gap) =>
            new ConditionalAccessEvidence(Array.Empty<RegistrationPolicy>(), Array.Empty<AllResourcesPolicy>(), gap);
    }
}
