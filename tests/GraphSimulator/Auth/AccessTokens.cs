using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Auth;

/// <summary>
/// Issues and validates the simulator's access tokens: standard JWTs signed HMAC-SHA256 with a key made at start,
/// so only tokens from this simulator instance are accepted.
/// </summary>
internal sealed class AccessTokens(string tenantId, TimeProvider clock)
{
    public const string GraphAudience = "https://graph.microsoft.com";

    /// <summary>The Log Analytics query API's resource: tokens for it are good only at /v1/workspaces/….</summary>
    public const string LogAnalyticsAudience = "https://api.loganalytics.io";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string IssueApp(string appId, string? appDisplayName, IEnumerable<string> roles, TimeSpan lifetime, string audience = GraphAudience)
    {
        var payload = BaseClaims(appId, appDisplayName, lifetime, audience);
        payload["idtyp"] = "app";
        payload["roles"] = new JsonArray(roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        return Sign(payload);
    }

    public string IssueDelegated(
        string appId, IEnumerable<string> scopes, string userPrincipalName, string objectId, string? displayName, TimeSpan lifetime,
        string audience = GraphAudience)
    {
        var payload = BaseClaims(appId, null, lifetime, audience);
        payload["idtyp"] = "user";
        payload["scp"] = string.Join(' ', scopes);
        payload["upn"] = userPrincipalName;
        payload["unique_name"] = userPrincipalName;
        payload["oid"] = objectId;
        payload["name"] = displayName ?? userPrincipalName;
        return Sign(payload);
    }

    /// <summary>Validates an Authorization header value; throws Graph's 401 when it cannot be accepted.</summary>
    public Caller Validate(string? authorization, string audience = GraphAudience)
    {
        const string scheme = "Bearer ";
        var token = authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim()
            : string.Empty;
        if (token.Length == 0)
        {
            throw GraphErrors.Unauthenticated("Access token is empty.");
        }

        if (!Jwt.TryParse(token, out var jwt) || jwt is null)
        {
            throw GraphErrors.Unauthenticated("Access token validation failed: the token is not a well-formed JWT.");
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(jwt.SigningInput));
        if (jwt.HeaderString("alg") != "HS256" || !CryptographicOperations.FixedTimeEquals(expected, jwt.Signature))
        {
            throw GraphErrors.Unauthenticated("Access token validation failed: signature validation failed.");
        }

        if (jwt.ClaimString("aud") != audience)
        {
            throw GraphErrors.Unauthenticated("Access token validation failed: invalid audience.");
        }

        if (!string.Equals(jwt.ClaimString("tid"), tenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw GraphErrors.Unauthenticated("Access token validation failed: the token was issued for another tenant.");
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (jwt.ClaimNumber("nbf") is { } nbf && now < nbf)
        {
            throw GraphErrors.Unauthenticated("Access token validation failed: the token is not yet valid.");
        }

        if (jwt.ClaimNumber("exp") is not { } exp || now >= exp)
        {
            throw GraphErrors.Unauthenticated("Lifetime validation failed, the token is expired.");
        }

        var roles = jwt.Payload["roles"] is JsonArray array
            ? array.Select(r => r?.GetValue<string>() ?? string.Empty)
            : [];
        var scopes = jwt.ClaimString("scp")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new Caller(
            jwt.ClaimString("appid") ?? string.Empty,
            tenantId,
            Caller.PermissionSet(roles),
            Caller.PermissionSet(scopes),
            jwt.ClaimString("upn"),
            jwt.ClaimString("oid"));
    }

    private JsonObject BaseClaims(string appId, string? appDisplayName, TimeSpan lifetime, string audience)
    {
        var issuedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = $"https://sts.windows.net/{tenantId}/",
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = issuedAt + (long)lifetime.TotalSeconds,
            ["appid"] = appId,
            ["tid"] = tenantId,
            ["ver"] = "1.0",
        };
        if (appDisplayName is not null)
        {
            claims["app_displayname"] = appDisplayName;
        }

        return claims;
    }

    private string Sign(JsonObject payload)
    {
        var signingInput = Jwt.Encode(new JsonObject { ["typ"] = "JWT", ["alg"] = "HS256" }) + "." + Jwt.Encode(payload);
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }
}
