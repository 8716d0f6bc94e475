using System;
using System.Text;
using System.Text.Json;

namespace EntraPasskey.Engine.Design
{
    /// <summary>
    /// The authentication methods policy's size against its limits. Since May 2026 the Passkey (FIDO2) configuration
    /// has its own 20 KB and the other methods keep theirs (entra-docs whats-new, "passkey (FIDO2) policy size limit"),
    /// so each part is measured as Graph sends it: the Fido2 entry of authenticationMethodConfigurations, and the rest.
    /// </summary>
    public sealed record MethodsPolicySize(int PasskeyBytes, int OtherMethodsBytes)
    {
        public const int LimitBytes = 20 * 1024;

        /// <summary>Splits the JSON of GET /policies/authenticationMethodsPolicy into the passkey part and the rest.</summary>
        public static MethodsPolicySize Measure(byte[] body)
        {
            using var document = JsonDocument.Parse(body);
            var passkey = 0;
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("authenticationMethodConfigurations", out var configurations)
                && configurations.ValueKind == JsonValueKind.Array)
            {
                foreach (var configuration in configurations.EnumerateArray())
                {
                    if (configuration.ValueKind == JsonValueKind.Object
                        && configuration.TryGetProperty("id", out var id)
                        && id.ValueKind == JsonValueKind.String
                        && string.Equals(id.GetString(), "Fido2", StringComparison.OrdinalIgnoreCase))
                    {
                        passkey = Encoding.UTF8.GetByteCount(configuration.GetRawText());
                        break;
                    }
                }
            }

            return new MethodsPolicySize(passkey, body.Length - passkey);
        }
    }
}
