using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// The few claims of an access token we show in the context (who, tenant, scopes, expiry). The token is decoded,
    /// never validated: Graph validates it. An opaque (non-JWT) token yields empty claims.
    /// </summary>
    internal sealed class TokenClaims
    {
        private TokenClaims(string? account, string? tenantId, string? clientId, bool isAppOnly, string[] scopes, DateTimeOffset? expiresOn, string? audience = null)
        {
            Audience = audience;
            Account = account;
            TenantId = tenantId;
            ClientId = clientId;
            IsAppOnly = isAppOnly;
            Scopes = scopes;
            ExpiresOn = expiresOn;
        }

        public string? Account { get; }

        public string? TenantId { get; }

        public string? ClientId { get; }

        public bool IsAppOnly { get; }

        public string[] Scopes { get; }

        public DateTimeOffset? ExpiresOn { get; }

        /// <summary>The resource the token is for (aud), e.g. https://graph.microsoft.com.</summary>
        public string? Audience { get; }

        public static TokenClaims Parse(string token)
        {
            var parts = token.Split('.');
            if (parts.Length < 2)
            {
                return new TokenClaims(null, null, null, false, Array.Empty<string>(), null);
            }

            try
            {
                using var document = JsonDocument.Parse(DecodeBase64Url(parts[1]));
                var root = document.RootElement;
                var roles = StringArray(root, "roles");
                var scp = String(root, "scp");
                var delegatedScopes = scp == null
                    ? Array.Empty<string>()
                    : scp.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                var isAppOnly = scp == null;
                var account = isAppOnly
                    ? String(root, "app_displayname") ?? String(root, "appid") ?? String(root, "azp")
                    : String(root, "upn") ?? String(root, "preferred_username") ?? String(root, "unique_name");
                DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64())
                    : (DateTimeOffset?)null;
                var scopes = delegatedScopes.Concat(roles).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.OrdinalIgnoreCase).ToArray();
                return new TokenClaims(account, String(root, "tid"), String(root, "appid") ?? String(root, "azp"), isAppOnly, scopes, expires, String(root, "aud"));
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is ArgumentException)
            {
                return new TokenClaims(null, null, null, false, Array.Empty<string>(), null);
            }
        }

        private static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string[] StringArray(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<string>();
            }

            var items = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is string text)
                {
                    items.Add(text);
                }
            }

            return items.ToArray();
        }

        private static byte[] DecodeBase64Url(string segment)
        {
            var base64 = segment.Replace('-', '+').Replace('_', '/');
            switch (base64.Length % 4)
            {
                case 2: base64 += "=="; break;
                case 3: base64 += "="; break;
            }

            return Convert.FromBase64String(base64);
        }
    }
}
