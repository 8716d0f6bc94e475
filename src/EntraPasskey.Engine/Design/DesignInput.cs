using System;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Design
{
    /// <summary>Everything a prevention-design check may look at, read once per run.</summary>
    public sealed class DesignInput
    {
        public DesignInput(TenantSnapshot tenant, DateTimeOffset now)
        {
            Tenant = tenant;
            Now = now;
        }

        /// <summary>Methods policy, security defaults, Conditional Access and target groups, as a diagnosis reads them.</summary>
        public TenantSnapshot Tenant { get; }

        public AudienceSizes Sizes { get; init; } = AudienceSizes.Unknown("group sizes were not read");

        /// <summary>The registration campaign; null when the methods policy has none.</summary>
        public RegistrationCampaign? Campaign { get; init; }

        /// <summary>The authentication methods policy's size as Graph returns it; null when not measured.</summary>
        public MethodsPolicySize? PolicySize { get; init; }

        /// <summary>Who has registered what (the authentication methods registration report).</summary>
        public RegistrationDetails Registrations { get; init; } = RegistrationDetails.NotRead;

        /// <summary>Users with synced passkeys, read in full to judge them against their passkey profiles.</summary>
        public SyncedPasskeyHolders SyncedPasskeys { get; init; } = SyncedPasskeyHolders.NotRead;

        public DateTimeOffset Now { get; }

        public AuthenticatorCatalog Authenticators { get; init; } = AuthenticatorCatalog.BuiltIn;
    }
}
