using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// An enabled policy on "Register security information" demands an authentication strength that no Temporary
    /// Access Pass the tenant issues can satisfy (and no other control of an OR grant offers a way round). A user
    /// without a passkey then cannot register one with a pass: the bootstrap the design relies on is closed. Whether a
    /// strength accepts a pass is the TAP advice's own test (TapBootstrap.StrengthRejects), so audit and diagnosis agree.
    /// </summary>
    public sealed class RegistrationPolicyRejectsTapCheck : IDesignCheck
    {
        public string Id => "RegistrationPolicyRejectsTap";

        public string Title => "A Temporary Access Pass satisfies the registration policies";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.RegistrationPolicy;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant) || tenant.ConditionalAccess.Gap != null)
            {
                return null;
            }

            var rejecting = new List<(RegistrationPolicy Policy, string Why)>();
            foreach (var policy in tenant.ConditionalAccess.RegistrationPolicies.Where(p => p.State == ConditionalAccessState.Enabled && RegistrationPolicies.CoversRegistration(p.Conditions)))
            {
                var grant = policy.Grant;
                if (!(grant.AuthenticationStrength is { } strength) || !grant.RequireAll && grant.BuiltInControls.Count > 0)
                {
                    continue;
                }

                if (TapBootstrap.StrengthRejects(tenant, strength) is string why)
                {
                    rejecting.Add((policy, why));
                }
            }

            if (rejecting.Count == 0)
            {
                return null;
            }

            var list = string.Join("; ", rejecting.Select(r => $"'{r.Policy.DisplayName}': {r.Why}"));
            var audiences = rejecting.Select(r => PolicyAudience.Of(r.Policy.Users, input)).ToList();
            return DesignOutcome.Fail(
                $"A Conditional Access policy on 'Register security information' cannot be satisfied with a Temporary Access Pass ({list}). Users in its scope without a passkey cannot register their first one with a pass.",
                "Add a combination the pass satisfies (Temporary Access Pass, one-time) to the strength, or use an authentication strength such as 'TAP or passkey' for registration, keeping the stricter strength for sign-in to resources.",
                Facts.Of(("policies", list)),
                audiences.Count == 1 ? audiences[0] : Sum(audiences));
        }

        private static Audience Sum(IReadOnlyList<Audience> audiences) =>
            audiences.All(a => a.Users != null)
                ? new Audience(audiences.Sum(a => a.Users!.Value), "at most: " + string.Join(" + ", audiences.Select(a => a.Basis)))
                : Audience.Uncounted(string.Join("; ", audiences.Select(a => a.Basis)));
    }
}
