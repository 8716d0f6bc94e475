using System;
using System.Linq;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>FIDO certification and compromise statuses as FIDO MDS3 status reports name them.</summary>
    internal static class Certifications
    {
        /// <summary>Certified statuses, lowest level first.</summary>
        public static readonly string[] Ranked =
        {
            "FIDO_CERTIFIED", "FIDO_CERTIFIED_L1", "FIDO_CERTIFIED_L1plus", "FIDO_CERTIFIED_L2", "FIDO_CERTIFIED_L2plus", "FIDO_CERTIFIED_L3", "FIDO_CERTIFIED_L3plus",
        };

        /// <summary>Statuses that withdraw trust in a model's attestation.</summary>
        public static readonly string[] Compromised =
        {
            "REVOKED", "USER_VERIFICATION_BYPASS", "ATTESTATION_KEY_COMPROMISE", "USER_KEY_REMOTE_COMPROMISE", "USER_KEY_PHYSICAL_COMPROMISE",
        };

        public static bool IsCertified(string? status) => status != null && Ranked.Contains(status, StringComparer.Ordinal);
    }
}
