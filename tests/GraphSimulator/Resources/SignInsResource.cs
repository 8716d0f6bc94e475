using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.OData.Filter;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>GET auditLogs/signIns</c> from the tenant's "signIns" array (Graph beta signIn objects). Newest first, pages of
/// at most 1000 (a page's $skiptoken says where the next starts, <see cref="Page"/>). Like Graph, only interactive sign-ins unless the filter asks for signInEventTypes; v1.0 leaves out
/// the beta-only properties and refuses to filter on them; a Free tenant gets Graph's premium-licence 403.
/// </summary>
internal static class SignInsResource
{
    private const string Fragment = "auditLogs/signIns";

    private static readonly PageSize Reports = new(1000, 1000);

    /// <summary>Properties of the beta signIn that the v1.0 model does not have (graph-facts §6.1).</summary>
    private static readonly IReadOnlySet<string> BetaOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "authenticationRequirement", "authenticationDetails", "authenticationMethodsUsed", "signInEventTypes",
        "authenticationRequirementPolicies", "authenticationProtocol", "incomingTokenType", "originalTransferMethod",
        "sessionLifetimePolicies", "uniqueTokenIdentifier", "signInIdentifier", "signInIdentifierType",
    };

    public static void Map(Router routes) => routes.Get(Fragment, GraphPermissions.ReadSignIns, List);

    private static GraphResponse List(RouteContext context)
    {
        if (context.Tenant.Licence == "Free")
        {
            throw new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
        }

        var isBeta = context.Request.Version == "beta";
        var filter = context.Query.Filter;
        var referenced = filter is null ? new HashSet<string>() : Properties(filter);
        if (!isBeta && referenced.FirstOrDefault(BetaOnly.Contains) is { } betaProperty)
        {
            throw GraphErrors.BadRequest($"Could not find a property named '{betaProperty}' on type 'microsoft.graph.signIn'.");
        }

        var candidates = context.Tenant.SignIns.Candidates(filter);
        bool Kept(JsonObject s) => referenced.Contains("signInEventTypes") || IsInteractive(s);
        JsonObject Render(JsonObject s) => Projection.Render(isBeta ? s : WithoutBetaProperties(s), context.Query.Select);
        if (context.Query.OrderBy is not null || context.Query.Count)
        {
            return CollectionResponse.Create(context, Fragment, candidates.Select(r => r.Object).Where(Kept), Reports, Render);
        }

        return Page(context, candidates, s => Kept(s) && (filter is null || FilterEvaluator.Matches(filter, s)), Render);
    }

    /// <summary>
    /// One page in Graph's order, newest first. Its $skiptoken holds where in the candidates the next page starts, so
    /// each page renders and filters only its own sign-ins and a window of 800,000 is paged without re-reading it
    /// from the top.
    /// </summary>
    private static GraphResponse Page(RouteContext context, IReadOnlyList<SignInRow> candidates, Func<JsonObject, bool> matches, Func<JsonObject, JsonObject> render)
    {
        var query = context.Query;
        var top = query.Top ?? Reports.Default;
        if (query.Top is { } requested && (requested < 1 || requested > Reports.Max))
        {
            throw GraphErrors.RequestBadRequest($"Invalid page size specified: '{requested}'. Must be between 1 and {Reports.Max} inclusive.");
        }

        var fingerprint = SkipToken.Fingerprint(context.Request.Version, context.Request.Target.RawPath, query.FilterText, query.OrderByText);
        var position = query.SkipToken is { } token ? SkipToken.ReadOffset(token, fingerprint) : 0;
        var page = new List<JsonNode?>();
        int? next = null;
        for (; position < candidates.Count; position++)
        {
            var signIn = candidates[position].Object;
            if (!matches(signIn))
            {
                continue;
            }

            if (page.Count == top)
            {
                next = position;
                break;
            }

            page.Add(render(signIn));
        }

        var body = new JsonObject { ["@odata.context"] = context.ContextUrl(Fragment, query.Select) };
        if (next is { } start)
        {
            var rest = context.Request.Target.QueryWithout("$skiptoken");
            var skip = "$skiptoken=" + SkipToken.Create(start, fingerprint);
            body["@odata.nextLink"] = context.Request.AbsoluteUrl(rest.Length == 0 ? skip : rest + "&" + skip);
        }

        body["value"] = new JsonArray(page.ToArray());
        return GraphResponse.Ok(body);
    }

    private static bool IsInteractive(JsonObject signIn) =>
        signIn["signInEventTypes"] is JsonArray types
            ? types.OfType<JsonValue>().Any(t => t.TryGetValue(out string? type) && type == "interactiveUser")
            : Json.Bool(signIn, "isInteractive") != false;

    private static JsonObject WithoutBetaProperties(JsonObject signIn)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in signIn)
        {
            if (!BetaOnly.Contains(name))
            {
                copy[name] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>The first segment of every property path the filter mentions.</summary>
    private static HashSet<string> Properties(FilterNode node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Visit(FilterNode? n)
        {
            switch (n)
            {
                case AndNode and: Visit(and.Left); Visit(and.Right); break;
                case OrNode or: Visit(or.Left); Visit(or.Right); break;
                case ComparisonNode comparison: Visit(comparison.Left); Visit(comparison.Right); break;
                case InNode @in: Visit(@in.Operand); break;
                case StartsWithNode startsWith: Visit(startsWith.Target); break;
                case LambdaNode lambda: names.Add(lambda.Collection.Segments[0]); break;
                case PropertyPathNode path: names.Add(path.Segments[0]); break;
            }
        }

        Visit(node);
        return names;
    }
}
