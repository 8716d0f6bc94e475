using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Xunit;

namespace GraphSimulator.Tests;

public sealed class TokenEndpointTests
{
    // Generating RSA keys is slow; certificates are made per test from these two (the app's and another signer's).
    private static readonly Lazy<RSA> AppKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> ImpostorKey = new(() => RSA.Create(2048));
    private static readonly TokenRequestContext GraphScope = new(["https://graph.microsoft.com/.default"]);

    [Fact]
    public async Task Client_secret_gets_a_token_carrying_the_apps_roles()
    {
        await using var host = await Contoso.StartAsync();
        using var client = PinnedClient(host);

        var reply = await PostTokenAsync(client, host, Contoso.ReaderAppId, "sim-reader-secret-do-not-use-in-production");
        var token = reply.Body!["access_token"]!.GetValue<string>();
        using var graph = new GraphHttp(host, token);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Bearer", reply.Body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, reply.Body["expires_in"]!.GetValue<int>());
        Assert.Equal(3600, reply.Body["ext_expires_in"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"/v1.0/users/{Contoso.Adele}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await graph.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/methods")).Status);
        Assert.Equal(Contoso.ReaderAppId, host.Requests.Last().AppId);
    }

    [Fact]
    public async Task Token_lifetime_is_the_hosts_choice()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Tenant = Contoso.Load(), FixedNow = Contoso.Now, TokenLifetime = TimeSpan.FromMinutes(2) });
        using var client = PinnedClient(host);

        var reply = await PostTokenAsync(client, host, Contoso.DiagnosticsAppId, Contoso.DiagnosticsSecret);
        var claims = System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(reply.Body!["access_token"]!.GetValue<string>().Split('.')[1]))!;

        Assert.Equal((120, 120), (reply.Body["expires_in"]!.GetValue<int>(), reply.Body["ext_expires_in"]!.GetValue<int>()));
        Assert.Equal(120, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task Wrong_secret_is_401_invalid_client_7000215()
    {
        await using var host = await Contoso.StartAsync();
        using var client = PinnedClient(host);

        var reply = await PostTokenAsync(client, host, Contoso.DiagnosticsAppId, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("invalid_client", reply.Body!["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS7000215: Invalid client secret provided.", reply.Body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(7000215, reply.Body["error_codes"]![0]!.GetValue<int>());
        Assert.True(Guid.TryParse(reply.Body["trace_id"]!.GetValue<string>(), out _));
        Assert.True(Guid.TryParse(reply.Body["correlation_id"]!.GetValue<string>(), out _));
        Assert.DoesNotContain("not-the-secret", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-client", 400, "unauthorized_client", 700016)]
    [InlineData("wrong-tenant", 400, "invalid_request", 90002)]
    [InlineData("no-default-scope", 400, "invalid_scope", 1002012)]
    [InlineData("no-credential", 401, "invalid_client", 7000218)]
    [InlineData("wrong-grant", 400, "unsupported_grant_type", 70003)]
    public async Task Token_errors_have_aad_shape(string defect, int status, string error, int code)
    {
        await using var host = await Contoso.StartAsync();
        using var client = PinnedClient(host);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = defect == "wrong-grant" ? "password" : "client_credentials",
            ["client_id"] = defect == "unknown-client" ? "9d3a5cdd-9d8d-4614-a0a4-4ddecea2469a" : Contoso.DiagnosticsAppId,
            ["scope"] = defect == "no-default-scope" ? "User.Read.All" : "https://graph.microsoft.com/.default",
        };
        if (defect != "no-credential")
        {
            form["client_secret"] = Contoso.DiagnosticsSecret;
        }

        var tenant = defect == "wrong-tenant" ? "fabrikam.com" : Contoso.TenantId;
        var response = await client.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.Equal(code, body["error_codes"]![0]!.GetValue<int>());
        Assert.StartsWith($"AADSTS{code}: ", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_domain_works_as_the_tenant_segment()
    {
        await using var host = await Contoso.StartAsync();
        using var client = PinnedClient(host);
        var response = await client.PostAsync("contoso.com/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Contoso.DiagnosticsAppId,
            ["client_secret"] = Contoso.DiagnosticsSecret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Client_secret_credential_makes_exactly_one_token_request()
    {
        await using var host = await Contoso.StartAsync();
        var credential = new ClientSecretCredential(Contoso.TenantId, Contoso.DiagnosticsAppId, Contoso.DiagnosticsSecret,
            new ClientSecretCredentialOptions { AuthorityHost = host.AuthorityUri, DisableInstanceDiscovery = true, Transport = PinnedTransport(host) });

        var token = await credential.GetTokenAsync(GraphScope, default);
        using var graph = new GraphHttp(host, token.Token);

        var log = host.Requests;
        var entry = Assert.Single(log);
        Assert.Equal("POST", entry.Method);
        Assert.Equal($"/{Contoso.TenantId}/oauth2/v2.0/token", entry.Path);
        Assert.Equal(200, entry.Status);
        Assert.Equal(Contoso.DiagnosticsAppId, entry.AppId);
        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/methods")).Status);
    }

    [Fact]
    public async Task Client_secret_credential_reports_a_wrong_secret()
    {
        await using var host = await Contoso.StartAsync();
        var credential = new ClientSecretCredential(Contoso.TenantId, Contoso.DiagnosticsAppId, "wrong",
            new ClientSecretCredentialOptions { AuthorityHost = host.AuthorityUri, DisableInstanceDiscovery = true, Transport = PinnedTransport(host) });

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await credential.GetTokenAsync(GraphScope, default));

        Assert.Contains("AADSTS7000215", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Certificate_credential_is_accepted_by_registered_pem_or_thumbprint(bool registerPem)
    {
        using var certificate = CreateAppCertificate(AppKey.Value);
        var tenant = Contoso.Load();
        var app = tenant["apps"]![0]!.AsObject();
        app.Remove("clientSecret");
        if (registerPem)
        {
            app["certificatePem"] = certificate.ExportCertificatePem();
        }
        else
        {
            app["certificateThumbprint"] = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }

        await using var host = await Contoso.StartAsync(tenant);
        var credential = new ClientCertificateCredential(Contoso.TenantId, Contoso.DiagnosticsAppId, certificate,
            new ClientCertificateCredentialOptions { AuthorityHost = host.AuthorityUri, DisableInstanceDiscovery = true, Transport = PinnedTransport(host) });

        var token = await credential.GetTokenAsync(GraphScope, default);
        using var graph = new GraphHttp(host, token.Token);

        Assert.Equal(HttpStatusCode.OK, (await graph.GetAsync("/v1.0/organization")).Status);
    }

    [Fact]
    public async Task Certificate_not_registered_for_the_app_is_refused()
    {
        using var registered = CreateAppCertificate(AppKey.Value);
        using var other = CreateAppCertificate(ImpostorKey.Value);
        var tenant = Contoso.Load();
        tenant["apps"]![0]!["certificatePem"] = registered.ExportCertificatePem();
        await using var host = await Contoso.StartAsync(tenant);
        var credential = new ClientCertificateCredential(Contoso.TenantId, Contoso.DiagnosticsAppId, other,
            new ClientCertificateCredentialOptions { AuthorityHost = host.AuthorityUri, DisableInstanceDiscovery = true, Transport = PinnedTransport(host) });

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await credential.GetTokenAsync(GraphScope, default));

        Assert.Contains("AADSTS700027", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha1-thumbprint", "x5t", "RS256", 200)]
    [InlineData("sha1-thumbprint", "x5t#S256", "PS256", 401)]
    [InlineData("pem", "x5t", "RS256", 200)]
    [InlineData("pem-other-signer", "x5t#S256", "PS256", 401)]
    public async Task Hand_made_assertions_check_thumbprint_and_signature(string registration, string header, string alg, int status)
    {
        using var certificate = CreateAppCertificate(AppKey.Value);
        using var impostor = CreateAppCertificate(ImpostorKey.Value);
        var tenant = Contoso.Load();
        var app = tenant["apps"]![0]!.AsObject();
        app.Remove("clientSecret");
        if (registration == "sha1-thumbprint")
        {
            app["certificateThumbprint"] = certificate.Thumbprint;
        }
        else
        {
            app["certificatePem"] = certificate.ExportCertificatePem();
        }

        await using var host = await Contoso.StartAsync(tenant);
        using var client = PinnedClient(host);
        var signer = registration == "pem-other-signer" ? impostor : certificate;
        var assertion = Assertion(certificate, signer, header, alg, new Uri(host.AuthorityUri, $"{Contoso.TenantId}/oauth2/v2.0/token").AbsoluteUri);

        var response = await client.PostAsync($"{Contoso.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Contoso.DiagnosticsAppId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        if (status != 200)
        {
            Assert.Equal(700027, body["error_codes"]![0]!.GetValue<int>());
        }
    }

    /// <summary>An RFC 7523 assertion naming <paramref name="named"/> in its header, signed by <paramref name="signer"/>.</summary>
    private static string Assertion(X509Certificate2 named, X509Certificate2 signer, string header, string alg, string audience)
    {
        static string Encode(JsonNode json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var thumbprint = named.GetCertHash(header == "x5t" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var input = Encode(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", [header] = System.Buffers.Text.Base64Url.EncodeToString(thumbprint) }) + "." +
                    Encode(new JsonObject
                    {
                        ["aud"] = audience, ["iss"] = Contoso.DiagnosticsAppId, ["sub"] = Contoso.DiagnosticsAppId,
                        ["jti"] = Guid.NewGuid().ToString(), ["nbf"] = now, ["exp"] = now + 600,
                    });
        using var key = signer.GetRSAPrivateKey()!;
        var signature = key.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256,
            alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static async Task<Reply> PostTokenAsync(HttpClient client, SimulatorHost host, string clientId, string secret)
    {
        var response = await client.PostAsync($"{host.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, JsonNode.Parse(text), response, text);
    }

    private static HttpClientHandler PinnedHandler(SimulatorHost host) => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == host.Certificate.Thumbprint,
    };

    private static HttpClient PinnedClient(SimulatorHost host) => new(PinnedHandler(host)) { BaseAddress = host.AuthorityUri };

    private static HttpClientTransport PinnedTransport(SimulatorHost host) => new(PinnedHandler(host));

    private static X509Certificate2 CreateAppCertificate(RSA key)
    {
        var request = new CertificateRequest("CN=EntraPasskey Diagnostics", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
