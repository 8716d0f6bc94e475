using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.Auth;
using GraphSimulator.LogAnalytics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GraphSimulator.Hosting;

/// <summary>
/// The one terminal middleware. HTTPS traffic is the token endpoint; on the Graph port <c>/_sim/…</c> goes to the
/// control endpoints, <c>/v1/workspaces/…</c> to the Log Analytics query endpoint, and everything else becomes a
/// <see cref="GraphRequest"/> for the pipeline (after the injected latency). ASP.NET routing is not used for Graph paths, so $batch items and top-level calls are routed alike.
/// </summary>
internal sealed class HttpDispatcher(
    RequestPipeline pipeline, TokenEndpoint tokenEndpoint, ControlEndpoints control, LogAnalyticsEndpoint logAnalytics,
    SimulatorOptions options, Faults.SeededDice jitter, TimeProvider clock)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (http.Request.IsHttps)
        {
            await tokenEndpoint.HandleAsync(http).ConfigureAwait(false);
            return;
        }

        var target = RawTarget(http);
        if (target.StartsWith("/_sim/", StringComparison.OrdinalIgnoreCase))
        {
            await control.HandleAsync(http, target.Split('?')[0]).ConfigureAwait(false);
            return;
        }

        await DelayAsync(http).ConfigureAwait(false);
        if (target.StartsWith(LogAnalyticsEndpoint.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await logAnalytics.HandleAsync(http, target).ConfigureAwait(false);
            return;
        }

        var serviceRoot = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var trimmed = target.TrimStart('/');
        var split = trimmed.IndexOfAny(['/', '?']);
        var version = split < 0 ? trimmed : trimmed[..split];
        var rest = split < 0 ? string.Empty : trimmed[split..];
        var headers = ReadHeaders(http);
        var body = await ReadBodyAsync(http).ConfigureAwait(false);

        GraphResponse response;
        if (GraphRequest.IsKnownVersion(version))
        {
            var request = new GraphRequest(http.Request.Method, version.ToLowerInvariant(), RequestTarget.Parse(rest), headers, body, serviceRoot);
            response = await pipeline.ExecuteAsync(request, http.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            var request = new GraphRequest(http.Request.Method, "v1.0", RequestTarget.Parse(rest), headers, body, serviceRoot);
            response = GraphErrors.BadRequest($"Invalid version: {version}").ToResponse().Stamp(request, clock.GetUtcNow());
        }

        if (response.AbortConnection)
        {
            http.Abort();
            return;
        }

        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.BodyFault != Faults.BodyFault.None)
        {
            await Faults.DamagedBody.WriteAsync(http.Response, response, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await JsonOutput.WriteAsync(http.Response, response.Status, response.Body, response.ContentType, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The request target exactly as sent, so percent-encoding is decoded once, segment by segment.</summary>
    private static string RawTarget(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return http.Request.Path.Value + http.Request.QueryString.Value;
        }

        return Uri.TryCreate(raw, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery
            : raw;
    }

    private Task DelayAsync(HttpContext http)
    {
        var delay = options.LatencyMs + jitter.Next(options.JitterMs);
        return delay > 0 ? Task.Delay(delay, http.RequestAborted) : Task.CompletedTask;
    }

    private static Dictionary<string, string> ReadHeaders(HttpContext http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        return headers;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
