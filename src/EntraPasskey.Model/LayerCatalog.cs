using System;

namespace EntraPasskey
{
    /// <summary>Display names and owner queues of the seven layers (product.md §2).</summary>
    public static class LayerCatalog
    {
        public const int Count = 7;

        public static string NameOf(PasskeyLayer layer)
        {
            switch (layer)
            {
                case PasskeyLayer.AuthenticationMethodsPolicy: return "Authentication methods policy";
                case PasskeyLayer.PasskeyProfile: return "Passkey profile / key restrictions";
                case PasskeyLayer.MfaBootstrap: return "MFA bootstrap";
                case PasskeyLayer.RecentMfaSession: return "Recent MFA session";
                case PasskeyLayer.PlatformBrowser: return "Platform / browser";
                case PasskeyLayer.Hardware: return "Hardware";
                case PasskeyLayer.PasskeyProvider: return "Passkey provider";
                default: throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer.");
            }
        }

        /// <summary>The name of a layer given by number, as the failure report's LikelyLayer is; null for no layer.</summary>
        public static string? NameOfNumber(int? layer) => layer is int number ? NameOf((PasskeyLayer)number) : null;

        /// <summary>
        /// Whether the layer's findings can block registration (Fail). Recent MFA session cannot: sign-in logs lag and
        /// the user simply signs in again, so it warns at most, and not knowing it cannot hide a failure. An Unknown
        /// in a layer that cannot block shows in the findings and summary but does not make the verdict Unknown.
        /// </summary>
        public static bool CanBlock(PasskeyLayer layer) => layer != PasskeyLayer.RecentMfaSession;

        public static OwnerQueue OwnerOf(PasskeyLayer layer)
        {
            switch (layer)
            {
                case PasskeyLayer.AuthenticationMethodsPolicy:
                case PasskeyLayer.PasskeyProfile:
                case PasskeyLayer.MfaBootstrap:
                    return OwnerQueue.IdentityTeam;
                case PasskeyLayer.RecentMfaSession:
                    return OwnerQueue.User;
                case PasskeyLayer.PlatformBrowser:
                case PasskeyLayer.Hardware:
                case PasskeyLayer.PasskeyProvider:
                    return OwnerQueue.Endpoint;
                default: throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer.");
            }
        }
    }
}
