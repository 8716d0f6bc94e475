using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>POST users/{id}/authentication/temporaryAccessPassMethods</c>: creates a Temporary Access Pass as Graph does
/// (graph-facts §2.2). The new pass replaces any existing one; its value is generated here, returned in the 201
/// response only and never stored, so every later read serves it as null. The TAP policy decides the default
/// lifetime, the allowed range, whether multi-use passes may be created and the pass length.
/// </summary>
internal static class TemporaryAccessPassResource
{
    public const string ExternalGuestMessage = "Temporary Access Pass cannot be added to an external guest user.";

    /// <summary>Graph's absolute lifetime range, whatever the policy says.</summary>
    public const int MinimumLifetime = 10;
    public const int MaximumLifetime = 43200;

    // No characters that are easy to misread (0/O, 1/l/I) when a pass is read out over the phone.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+-#%@!";

    public static void Map(Router routes) =>
        routes.Post("users/{user}/authentication/temporaryAccessPassMethods", GraphPermissions.CreateTemporaryAccessPass, Create);

    private static GraphResponse Create(RouteContext context)
    {
        var user = context.Tenant.RequireUser(context["user"]);
        var userId = Json.Id(user);
        var body = context.ReadJsonObjectBody();
        if (IsExternalGuest(user))
        {
            throw GraphErrors.BadRequest(ExternalGuestMessage);
        }

        var policy = TapPolicyValues.Of(context.Tenant);
        var lifetime = OptionalInt(body, "lifetimeInMinutes") ?? policy.DefaultLifetime;
        var usableOnce = OptionalBool(body, "isUsableOnce") ?? policy.IsUsableOnce;
        var start = OptionalTime(body, "startDateTime") ?? context.Now;
        if (lifetime is < MinimumLifetime or > MaximumLifetime)
        {
            throw GraphErrors.BadRequest($"lifetimeInMinutes must be between {MinimumLifetime} and {MaximumLifetime}.");
        }

        if (lifetime < policy.MinimumLifetime || lifetime > policy.MaximumLifetime)
        {
            throw GraphErrors.BadRequest(
                $"The lifetime of {lifetime} minutes is outside the range the Temporary Access Pass policy allows ({policy.MinimumLifetime} to {policy.MaximumLifetime} minutes).");
        }

        if (!usableOnce && policy.IsUsableOnce)
        {
            throw GraphErrors.BadRequest(
                "The Temporary Access Pass policy only allows one-time passes (isUsableOnce); a multi-use pass cannot be created.");
        }

        var stored = new JsonObject
        {
            ["@odata.type"] = AuthenticationMethodsResource.TemporaryAccessPassType,
            ["id"] = Guid.NewGuid().ToString(),
            ["temporaryAccessPass"] = null,
            ["createdDateTime"] = RelativeTimes.Format(context.Now),
            ["startDateTime"] = RelativeTimes.Format(start),
            ["lifetimeInMinutes"] = lifetime,
            ["isUsableOnce"] = usableOnce,
        };
        var methods = (JsonArray)user["methods"]!;
        foreach (var existing in methods.OfType<JsonObject>().Where(IsTap).ToList())
        {
            methods.Remove(existing);
        }

        methods.Add(stored);

        var created = new JsonObject
        {
            ["@odata.context"] = context.ContextUrl($"users('{userId}')/authentication/temporaryAccessPassMethods", entity: true),
        };
        foreach (var (name, value) in AuthenticationMethodsResource.Present(stored, userId, context.Tenant, context.Now))
        {
            created[name] = value?.DeepClone();
        }

        created["temporaryAccessPass"] = NewPass(policy.Length);
        return GraphResponse.Json(201, created);
    }

    /// <summary>B2B collaboration users (invited, or carrying an external state); internal guests can get a pass.</summary>
    private static bool IsExternalGuest(JsonObject user) =>
        !string.IsNullOrEmpty(Json.String(user, "externalUserState"))
        || string.Equals(Json.String(user, "creationType"), "Invitation", StringComparison.OrdinalIgnoreCase);

    private static bool IsTap(JsonObject method) =>
        Json.String(method, "@odata.type") == AuthenticationMethodsResource.TemporaryAccessPassType;

    private static string NewPass(int length) =>
        new(Enumerable.Range(0, length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());

    private static int? OptionalInt(JsonObject body, string name) =>
        body[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out int i) => i,
            _ => throw GraphErrors.BadRequest($"Cannot convert the literal for '{name}' to the expected type 'Edm.Int32'."),
        };

    private static bool? OptionalBool(JsonObject body, string name) =>
        body[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out bool b) => b,
            _ => throw GraphErrors.BadRequest($"Cannot convert the literal for '{name}' to the expected type 'Edm.Boolean'."),
        };

    private static DateTimeOffset? OptionalTime(JsonObject body, string name) =>
        body[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
            _ => throw GraphErrors.BadRequest($"Cannot convert the literal for '{name}' to the expected type 'Edm.DateTimeOffset'."),
        };

    /// <summary>The TAP configuration's settings, with Graph's documented defaults for what it leaves out.</summary>
    private sealed record TapPolicyValues(int DefaultLifetime, int MinimumLifetime, int MaximumLifetime, bool IsUsableOnce, int Length)
    {
        public static TapPolicyValues Of(TenantState tenant)
        {
            var configuration = PolicyTargeting.FindConfiguration(tenant, TemporaryAccessPassUsability.ConfigurationId) ?? new JsonObject();
            return new TapPolicyValues(
                Json.Int(configuration, "defaultLifetimeInMinutes") ?? 60,
                Json.Int(configuration, "minimumLifetimeInMinutes") ?? 60,
                Json.Int(configuration, "maximumLifetimeInMinutes") ?? 480,
                Json.Bool(configuration, "isUsableOnce") ?? false,
                Math.Clamp(Json.Int(configuration, "defaultLength") ?? 8, 8, 48));
        }
    }
}
