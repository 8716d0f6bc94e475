using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Generation;
using GraphSimulator.Pipeline;

namespace GraphSimulator.State;

/// <summary>
/// The tenant being served, indexed for lookups. Objects stay the raw Graph JSON from the tenant file, so handlers
/// serve them as-is. Access only under <see cref="TenantStore.Sync"/>.
/// </summary>
internal sealed class TenantState
{
    private readonly Dictionary<string, JsonObject> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _usersByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _groupsById = new(StringComparer.OrdinalIgnoreCase);

    private TenantState(JsonObject root, IReadOnlyList<GeneratedSignIn> generatedSignIns, DateTimeOffset now)
    {
        Root = root;
        TenantId = Json.String(root, "tenantId") is { } tid && Guid.TryParse(tid, out _)
            ? tid
            : throw new InvalidDataException("The tenant needs \"tenantId\" (a GUID).");
        DisplayName = Json.String(root, "displayName") ?? "Contoso";
        DefaultDomain = Json.String(root, "defaultDomain") ?? "contoso.com";
        Licence = Json.String(root, "licence") ?? "P2";
        if (Licence is not ("Free" or "P1" or "P2"))
        {
            throw new InvalidDataException($"\"licence\" must be Free, P1 or P2, not '{Licence}'.");
        }

        Apps = Json.Objects(root, "apps").Select(ReadApp).ToList();
        Users = Json.Objects(root, "users").ToList();
        foreach (var user in Users)
        {
            IndexUser(user);
        }

        var groups = Json.Objects(root, "groups").ToList();
        foreach (var group in groups)
        {
            var id = Json.Id(group);
            if (id.Length == 0 || !_groupsById.TryAdd(id, group))
            {
                throw new InvalidDataException($"Every group needs a unique \"id\" ('{id}' is missing or repeated).");
            }
        }

        Groups = groups.Where(g => !IsDeleted(g)).ToList();
        Membership = new Membership(Groups);
        AuthenticationMethodsPolicy = root["authenticationMethodsPolicy"] as JsonObject ?? new JsonObject
        {
            ["id"] = "authenticationMethodsPolicy",
            ["authenticationMethodConfigurations"] = new JsonArray(),
        };
        SecurityDefaults = root["securityDefaults"] as JsonObject ?? new JsonObject { ["isEnabled"] = false };
        ConditionalAccessPolicies = Json.Objects(root, "conditionalAccessPolicies").ToList();
        SignIns = new SignInIndex(Json.Objects(root, "signIns"), generatedSignIns, now);
    }

    /// <summary>The whole tenant document; sections this version does not serve stay readable here.</summary>
    public JsonObject Root { get; }

    public string TenantId { get; }

    public string DisplayName { get; }

    public string DefaultDomain { get; }

    /// <summary>Free, P1 or P2.</summary>
    public string Licence { get; }

    public IReadOnlyList<AppRegistration> Apps { get; }

    public IReadOnlyList<JsonObject> Users { get; }

    /// <summary>Groups that are not deleted (a group with a deletedDateTime is treated as deleted).</summary>
    public IReadOnlyList<JsonObject> Groups { get; }

    public Membership Membership { get; }

    public JsonObject AuthenticationMethodsPolicy { get; }

    public JsonObject SecurityDefaults { get; }

    public IReadOnlyList<JsonObject> ConditionalAccessPolicies { get; }

    /// <summary>The "signIns" array and a generated tenant's sign-ins, newest first and indexed (nothing changes them after loading).</summary>
    public SignInIndex SignIns { get; }

    public static TenantState Load(JsonObject root) => new(root, [], default);

    /// <summary>A generated tenant: its document and its sign-ins, whose times count back from <paramref name="now"/>.</summary>
    public static TenantState Load(JsonObject root, IReadOnlyList<GeneratedSignIn> generatedSignIns, DateTimeOffset now) =>
        new(root, generatedSignIns, now);

    /// <summary>Finds a user by object id or userPrincipalName (case-insensitive); throws Graph's 404 otherwise.</summary>
    /// <remarks>A key that is neither a GUID nor contains '@' is a 404, as on Graph.</remarks>
    public JsonObject RequireUser(string key) =>
        FindUser(key) ?? throw GraphErrors.NotFound(key);

    public JsonObject? FindUser(string key)
    {
        if (Guid.TryParse(key, out _))
        {
            return _usersById.GetValueOrDefault(key);
        }

        return key.Contains('@', StringComparison.Ordinal) ? _usersByUpn.GetValueOrDefault(key) : null;
    }

    public JsonObject RequireGroup(string id) =>
        FindGroup(id) ?? throw GraphErrors.NotFound(id);

    public JsonObject? FindGroup(string id) =>
        _groupsById.TryGetValue(id, out var group) && !IsDeleted(group) ? group : null;

    public JsonObject? FindUserById(string id) => _usersById.GetValueOrDefault(id);

    public AppRegistration? FindApp(string clientId) =>
        Apps.FirstOrDefault(a => Json.SameId(a.ClientId, clientId));

    /// <summary>The stored methods of a user (raw Graph JSON with @odata.type).</summary>
    public static IEnumerable<JsonObject> MethodsOf(JsonObject user) => Json.Objects(user, "methods");

    private static bool IsDeleted(JsonObject group) => group["deletedDateTime"] is JsonValue;

    private void IndexUser(JsonObject user)
    {
        var id = Json.Id(user);
        var upn = Json.String(user, "userPrincipalName");
        if (!Guid.TryParse(id, out _) || string.IsNullOrEmpty(upn))
        {
            throw new InvalidDataException($"Every user needs a GUID \"id\" and a \"userPrincipalName\" ('{id}').");
        }

        if (!_usersById.TryAdd(id, user) || !_usersByUpn.TryAdd(upn, user))
        {
            throw new InvalidDataException($"User '{upn}' ({id}) appears twice.");
        }

        if (user["methods"] is not JsonArray)
        {
            user["methods"] = new JsonArray();
        }
    }

    private static AppRegistration ReadApp(JsonObject app)
    {
        var clientId = Json.String(app, "clientId");
        if (string.IsNullOrEmpty(clientId))
        {
            throw new InvalidDataException("Every app needs a \"clientId\".");
        }

        var thumbprint = Json.String(app, "certificateThumbprint");
        if (thumbprint is not null && !(thumbprint.Length is 40 or 64 && thumbprint.All(Uri.IsHexDigit)))
        {
            throw new InvalidDataException($"App {clientId}: \"certificateThumbprint\" must be a SHA-1 (40 hex) or SHA-256 (64 hex) thumbprint.");
        }

        return new AppRegistration(
            clientId,
            Json.String(app, "displayName") ?? clientId,
            Json.String(app, "clientSecret"),
            thumbprint,
            Json.String(app, "certificatePem"),
            Json.Strings(app, "roles").ToList());
    }
}
