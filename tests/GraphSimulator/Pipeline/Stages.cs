using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Auth;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Pipeline;

/// <summary>Every Graph call needs a bearer token issued by this simulator (401 otherwise).</summary>
internal sealed class AuthenticationStage(AccessTokens tokens) : IRequestStage
{
    public ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        call.Caller = tokens.Validate(call.Request.Header("Authorization"));
        return ValueTask.FromResult<GraphResponse?>(null);
    }
}

/// <summary>Finds the route (400 for an unknown segment, 405 for a wrong method); <c>/me</c> means the signed-in user.</summary>
internal sealed class RoutingStage(Router router) : IRequestStage
{
    public ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        if (call.Request.Target.DollarSegment is { } dollar)
        {
            throw GraphErrors.BadRequest(
                $"The path segment '{dollar}' starts with '$', which OData keeps for system query options. Write a key that starts with '$' in parentheses and single quotes, e.g. users('{dollar}').");
        }

        var segments = call.Request.Target.Segments;
        if (segments.Count > 0 && string.Equals(segments[0], "me", StringComparison.OrdinalIgnoreCase))
        {
            var oid = call.Caller is { IsDelegated: true, ObjectId: { } id }
                ? id
                : throw GraphErrors.BadRequest("/me request is only valid with delegated authentication flow.");
            segments = ["users", oid, .. segments.Skip(1)];
        }

        var match = router.Match(call.Request.Method, segments);
        call.Route = match.Route;
        call.RouteValues = match.Values;
        return ValueTask.FromResult<GraphResponse?>(null);
    }
}

/// <summary>The caller must hold one of the route's permissions (403 Authorization_RequestDenied otherwise).</summary>
internal sealed class PermissionStage : IRequestStage
{
    public ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        var required = call.Route!.Permissions;
        if (!required.RequiresNothing && !required.IsSatisfiedBy(call.Caller!))
        {
            throw GraphErrors.Forbidden();
        }

        return ValueTask.FromResult<GraphResponse?>(null);
    }
}

/// <summary>Runs the route's handler; synchronous handlers run under the tenant lock.</summary>
internal sealed class HandlerStage(TenantStore store, TimeProvider clock) : IRequestStage
{
    public async ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        var route = call.Route!;
        if (route.AsyncHandler is { } asyncHandler)
        {
            return await asyncHandler(new RouteContext(call, store.State, clock.GetUtcNow()), ct).ConfigureAwait(false);
        }

        lock (store.Sync)
        {
            return route.Handler!(new RouteContext(call, store.State, clock.GetUtcNow()));
        }
    }
}
