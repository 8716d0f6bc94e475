using System;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>Everything a rule may look at: tenant facts, the user's facts, what is known about the attempt, and now.</summary>
    public sealed class DiagnosisInput
    {
        public DiagnosisInput(TenantSnapshot tenant, UserEvidence user, AttemptHints hints, DateTimeOffset now)
        {
            Tenant = tenant;
            User = user;
            Hints = hints;
            Now = now;
        }

        public TenantSnapshot Tenant { get; }

        public UserEvidence User { get; }

        public AttemptHints Hints { get; }

        public DateTimeOffset Now { get; }

        /// <summary>What the rules know about authenticator models; the built-in catalog unless a test supplies one.</summary>
        public AuthenticatorCatalog Authenticators { get; init; } = AuthenticatorCatalog.BuiltIn;
    }
}
