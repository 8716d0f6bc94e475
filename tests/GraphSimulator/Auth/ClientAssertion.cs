using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GraphSimulator.State;

namespace GraphSimulator.Auth;

/// <summary>
/// Checks a client assertion (RFC 7523 JWT) against the certificate registered for the app.
/// With <c>certificatePem</c> registered: the x5t (SHA-1) or x5t#S256 (SHA-256) header must name that certificate and
/// the RS256 / PS256 signature must verify with its public key. With only <c>certificateThumbprint</c> registered
/// (SHA-1 = 40 hex digits, or SHA-256 = 64): the matching header (x5t, or x5t#S256) must carry it and the signature is
/// not checked (there is no key to check it with). MSAL 4.8x sends PS256 with x5t#S256 only, so for Azure.Identity
/// register the PEM or the SHA-256 thumbprint.
/// Always: iss = sub = client_id, the assertion not expired, aud ending in /oauth2/v2.0/token.
/// Times are checked against the wall clock (clients sign with it), not the simulator's possibly frozen clock.
/// </summary>
internal static class ClientAssertion
{
    /// <summary>Returns null when the assertion is acceptable, else the AAD error (code, description).</summary>
    public static (int Code, string Description)? Check(string assertion, AppRegistration app)
    {
        if (!Jwt.TryParse(assertion, out var jwt) || jwt is null)
        {
            return (50027, "JWT token is invalid or malformed.");
        }

        if (jwt.ClaimString("iss") != app.ClientId || jwt.ClaimString("sub") != app.ClientId)
        {
            return (700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }

        if (jwt.ClaimString("aud") is not { } audience || !audience.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase))
        {
            return (700212, "The client assertion audience must be the token endpoint.");
        }

        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (jwt.ClaimNumber("exp") is not { } exp || exp <= seconds || jwt.ClaimNumber("nbf") is { } nbf && nbf > seconds + 300)
        {
            return (700024, "Client assertion is not within its valid time range.");
        }

        var sha1 = jwt.HeaderString("x5t");
        var sha256 = jwt.HeaderString("x5t#S256");
        if (app.CertificatePem is { } pem)
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            var named = (sha1 is not null && SameThumbprint(sha1, certificate.GetCertHash(HashAlgorithmName.SHA1))) ||
                        (sha256 is not null && SameThumbprint(sha256, certificate.GetCertHash(HashAlgorithmName.SHA256)));
            if (!named)
            {
                return (700027, "The certificate with identifier used to sign the client assertion is not registered on application.");
            }

            using var key = certificate.GetRSAPublicKey();
            var padding = jwt.HeaderString("alg") switch
            {
                "RS256" => RSASignaturePadding.Pkcs1,
                "PS256" => RSASignaturePadding.Pss,
                _ => null,
            };
            var data = Encoding.ASCII.GetBytes(jwt.SigningInput);
            return key is not null && padding is not null && key.VerifyData(data, jwt.Signature, HashAlgorithmName.SHA256, padding)
                ? null
                : (700027, "Client assertion failed signature validation.");
        }

        if (app.CertificateThumbprint is { } thumbprint)
        {
            var registered = Convert.FromHexString(thumbprint);
            var presented = registered.Length == 20 ? sha1 : sha256;
            if (presented is not null && SameThumbprint(presented, registered))
            {
                return null;
            }
        }

        return (700027, "The certificate with identifier used to sign the client assertion is not registered on application.");
    }

    private static bool SameThumbprint(string base64Url, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(base64Url), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
