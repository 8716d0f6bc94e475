using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Auth;
using GraphSimulator.Faults;
using GraphSimulator.Hosting;
using GraphSimulator.Pipeline;
using GraphSimulator.Resources;
using GraphSimulator.State;
using GraphSimulator.Throttling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphSimulator;

/// <summary>
/// A running Graph simulator: Graph over http on 127.0.0.1 (<see cref="GraphBaseUri"/>, paths /v1.0/… and /beta/…)
/// and the token endpoint over https on another 127.0.0.1 port (<see cref="AuthorityUri"/>), with a self-signed
/// certificate made at start (<see cref="CertificatePemPath"/>).
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TenantStore _store;
    private readonly AccessTokens _tokens;
    private readonly RequestLog _log;
    private readonly SimulatorStats _stats;

    private SimulatorHost(WebApplication app, TenantStore store, AccessTokens tokens, RequestLog log, SimulatorStats stats, X509Certificate2 certificate, string pemPath)
    {
        _app = app;
        _store = store;
        _tokens = tokens;
        _log = log;
        _stats = stats;
        Certificate = certificate;
        CertificatePemPath = pemPath;
        TenantId = store.State.TenantId;
        DefaultAppId = store.State.Apps.FirstOrDefault()?.ClientId ?? Guid.Empty.ToString();
        GraphBaseUri = null!;
        AuthorityUri = null!;
    }

    /// <summary>The Graph root, e.g. http://127.0.0.1:54321/ (Graph paths are /v1.0/… and /beta/… under it).</summary>
    public Uri GraphBaseUri { get; private set; }

    /// <summary>The token endpoint host, e.g. https://127.0.0.1:54322/ (use as Azure.Identity's AuthorityHost).</summary>
    public Uri AuthorityUri { get; private set; }

    /// <summary>The TLS certificate of <see cref="AuthorityUri"/> as PEM (certificate only), for SSL_CERT_FILE or pinning.</summary>
    public string CertificatePemPath { get; }

    /// <summary>The TLS certificate of <see cref="AuthorityUri"/> (public part is what clients should trust).</summary>
    public X509Certificate2 Certificate { get; }

    public string TenantId { get; }

    /// <summary>The app id tokens carry when none is given: the tenant's first app, else the empty GUID.</summary>
    public string DefaultAppId { get; }

    /// <summary>Every logged call so far (Graph calls incl. $batch items, and token requests), in completion order.</summary>
    public IReadOnlyList<RequestLogEntry> Requests => _log.Snapshot();

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = options.ResolveClock();
        var store = options.Generate is { } generate
            ? TenantStore.Generate(generate, clock.GetUtcNow())
            : TenantStore.Load(options.Tenant ?? TenantStore.ReadFile(options.TenantPath
                ?? throw new ArgumentException("SimulatorOptions needs TenantPath, Tenant or Generate.", nameof(options))), clock.GetUtcNow());
        var tokens = new AccessTokens(store.State.TenantId, clock);
        var log = new RequestLog();
        var budgets = new BudgetSet(store.State.Users.Count, options.Throttling ?? new ThrottlingOptions(), clock);
        var stats = new SimulatorStats(budgets, clock);
        var certificate = SelfSignedCertificate.Create();
        var pemPath = SelfSignedCertificate.WritePem(certificate);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "GraphSimulator" });
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Listen(IPAddress.Loopback, options.AuthorityPort, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();

        var host = new SimulatorHost(app, store, tokens, log, stats, certificate, pemPath);
        var stages = new List<IRequestStage>
        {
            new AuthenticationStage(tokens), new RoutingStage(GraphApi.CreateRouter()), new PermissionStage(),
            new ThrottlingStage(budgets, store.State.TenantId, clock),
        };
        if (options.Faults is { Any: true } faults)
        {
            stages.Add(new FaultStage(faults, new SeededDice(options.Seed, stream: 1)));
        }

        stages.Add(new HandlerStage(store, clock));
        var pipeline = new RequestPipeline(stages, log, stats, clock);
        var dispatcher = new HttpDispatcher(
            pipeline, new TokenEndpoint(store, tokens, log, clock, options.TokenLifetime ?? AccessTokens.DefaultLifetime), new ControlEndpoints(host),
            new LogAnalytics.LogAnalyticsEndpoint(store, tokens, log, clock), options, new SeededDice(options.Seed, stream: 2), clock);
        app.Run(dispatcher.HandleAsync);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.GraphBaseUri = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)) + "/");
        host.AuthorityUri = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)) + "/");
        return host;
    }

    /// <summary>
    /// Mints an app-only token carrying <paramref name="roles"/> (as the token endpoint would for an app), with the
    /// app's display name when the tenant registers the app, as Entra's Graph tokens carry app_displayname.
    /// </summary>
    /// <param name="audience">The resource; Graph unless a Log Analytics token is wanted.</param>
    public string IssueToken(IEnumerable<string> roles, string? appId = null, TimeSpan? lifetime = null, string audience = AccessTokens.GraphAudience)
    {
        var id = appId ?? DefaultAppId;
        var displayName = _store.State.Apps.FirstOrDefault(a => string.Equals(a.ClientId, id, StringComparison.OrdinalIgnoreCase))?.DisplayName;
        return _tokens.IssueApp(id, displayName, roles, lifetime ?? AccessTokens.DefaultLifetime, audience);
    }

    /// <summary>Mints a delegated token (scp + upn); oid and name come from the tenant's user with that UPN, if any.</summary>
    public string IssueDelegatedToken(
        IEnumerable<string> scopes, string userPrincipalName, string? appId = null, TimeSpan? lifetime = null, string audience = AccessTokens.GraphAudience)
    {
        JsonObject? user;
        lock (_store.Sync)
        {
            user = _store.State.FindUser(userPrincipalName);
        }

        var objectId = user is null ? Guid.NewGuid().ToString() : Json.Id(user);
        var name = user is null ? null : Json.String(user, "displayName");
        return _tokens.IssueDelegated(appId ?? DefaultAppId, scopes, userPrincipalName, objectId, name, lifetime ?? AccessTokens.DefaultLifetime, audience);
    }

    /// <summary>Restores the tenant to its loaded state (undoes PATCHes and every later mutation).</summary>
    public void Reset() => _store.Reset();

    public void ClearRequests() => _log.Clear();

    /// <summary>
    /// Counters since the last <see cref="ResetStats"/>: requests, $batch items, units and 429s per budget, faults,
    /// and the throttling floor of what was spent (GET /_sim/stats; see README).
    /// </summary>
    public JsonObject Stats()
    {
        lock (_store.Sync)
        {
            var snapshot = _stats.Snapshot(_store.State.Users.Count);
            if (_store.State.Root["generated"] is JsonObject generated)
            {
                snapshot["generated"] = generated.DeepClone();
            }

            return snapshot;
        }
    }

    /// <summary>Zeroes the counters and refills every throttling bucket, so a measurement starts from an idle tenant.</summary>
    public void ResetStats() => _stats.Reset();

    /// <summary>The JSON of the ready line: {"graph","authority","certificate","tenantId"}.</summary>
    public string DescribeEndpoints() => new JsonObject
    {
        ["graph"] = GraphBaseUri.GetLeftPart(UriPartial.Authority),
        ["authority"] = AuthorityUri.AbsoluteUri,
        ["certificate"] = CertificatePemPath,
        ["tenantId"] = TenantId,
    }.ToJsonString(JsonOutput.Options);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
        var folder = Path.GetDirectoryName(CertificatePemPath);
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
