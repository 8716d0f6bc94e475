using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Auth;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Routing;

internal delegate GraphResponse RouteHandler(RouteContext context);

internal delegate Task<GraphResponse> AsyncRouteHandler(RouteContext context, CancellationToken ct);

/// <summary>One Graph operation: method + template, the permissions that allow it, and its handler.</summary>
/// <remarks>
/// Synchronous handlers run under the tenant lock and may read or change tenant state.
/// Asynchronous handlers ($batch) run outside it and must only call back into the pipeline.
/// </remarks>
internal sealed record Route(
    string Method,
    RoutePattern Pattern,
    PermissionRequirement Permissions,
    RouteHandler? Handler,
    AsyncRouteHandler? AsyncHandler);

internal readonly record struct RouteMatch(Route? Route, IReadOnlyDictionary<string, string> Values);

/// <summary>Our own router for Graph paths, shared by top-level requests and $batch items.</summary>
internal sealed class Router
{
    private readonly List<Route> _routes = [];

    public void Get(string template, PermissionRequirement permissions, RouteHandler handler) =>
        Add("GET", template, permissions, handler, null);

    public void Post(string template, PermissionRequirement permissions, RouteHandler handler) =>
        Add("POST", template, permissions, handler, null);

    public void Patch(string template, PermissionRequirement permissions, RouteHandler handler) =>
        Add("PATCH", template, permissions, handler, null);

    public void Delete(string template, PermissionRequirement permissions, RouteHandler handler) =>
        Add("DELETE", template, permissions, handler, null);

    public void PostAsync(string template, PermissionRequirement permissions, AsyncRouteHandler handler) =>
        Add("POST", template, permissions, null, handler);

    /// <summary>Finds the route, or throws Graph's 400 (unknown segment) or 405 (known path, other method).</summary>
    public RouteMatch Match(string method, IReadOnlyList<string> segments)
    {
        var pathKnown = false;
        var longestPrefix = 0;
        foreach (var route in _routes)
        {
            if (route.Pattern.TryMatch(segments, out var values))
            {
                if (route.Method == method)
                {
                    return new RouteMatch(route, values);
                }

                pathKnown = true;
            }
            else
            {
                longestPrefix = Math.Max(longestPrefix, route.Pattern.MatchingPrefixLength(segments));
            }
        }

        if (pathKnown)
        {
            throw GraphErrors.MethodNotAllowed();
        }

        throw GraphErrors.SegmentNotFound(segments.Count == 0 ? "" : segments[Math.Min(longestPrefix, segments.Count - 1)]);
    }

    private void Add(string method, string template, PermissionRequirement permissions, RouteHandler? handler, AsyncRouteHandler? asyncHandler) =>
        _routes.Add(new Route(method, new RoutePattern(template), permissions, handler, asyncHandler));
}
