using System.Text.Json.Nodes;

namespace GraphSimulator.Generation;

/// <summary>The generated tenant's authentication methods policy: the sample tenant's settings with the generated targets.</summary>
internal static class PolicyFactory
{
    public const string DefaultProfileId = "00000000-0000-0000-0000-000000000001";

    public static JsonObject Create(string[] fido2Includes, string fido2Exclude, string tapInclude) => new()
    {
        ["id"] = "authenticationMethodsPolicy",
        ["displayName"] = "Authentication Methods Policy",
        ["lastModifiedDateTime"] = "@now-30d",
        ["policyVersion"] = "1.5",
        ["policyMigrationState"] = "migrationComplete",
        ["reconfirmationInDays"] = 0,
        ["authenticationMethodConfigurations"] = new JsonArray(
            Fido2(fido2Includes, fido2Exclude),
            Simple("microsoftAuthenticator", "MicrosoftAuthenticator", enabled: true),
            Simple("sms", "Sms", enabled: true),
            TemporaryAccessPass(tapInclude),
            Simple("softwareOath", "SoftwareOath", enabled: true),
            Simple("email", "Email", enabled: true),
            Simple("voice", "Voice", enabled: false),
            Simple("x509Certificate", "X509Certificate", enabled: false)),
    };

    private static JsonObject Fido2(string[] includes, string exclude)
    {
        var targets = new JsonArray();
        foreach (var id in includes)
        {
            targets.Add(new JsonObject
            {
                ["targetType"] = "group", ["id"] = id, ["isRegistrationRequired"] = false,
                ["allowedPasskeyProfiles"] = new JsonArray(DefaultProfileId),
            });
        }

        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.fido2AuthenticationMethodConfiguration",
            ["id"] = "Fido2",
            ["state"] = "enabled",
            ["isSelfServiceRegistrationAllowed"] = true,
            ["isAttestationEnforced"] = false,
            ["defaultPasskeyProfile"] = DefaultProfileId,
            ["keyRestrictions"] = new JsonObject { ["isEnforced"] = false, ["enforcementType"] = "block", ["aaGuids"] = new JsonArray() },
            ["includeTargets"] = targets,
            ["excludeTargets"] = new JsonArray(new JsonObject { ["id"] = exclude, ["targetType"] = "group" }),
            ["passkeyProfiles"] = new JsonArray(new JsonObject
            {
                ["id"] = DefaultProfileId,
                ["name"] = "Default passkey profile",
                ["passkeyTypes"] = "deviceBound,synced",
                ["attestationEnforcement"] = "disabled",
                ["keyRestrictions"] = new JsonObject { ["isEnforced"] = false, ["enforcementType"] = "allow", ["aaGuids"] = new JsonArray() },
            }),
        };
    }

    private static JsonObject TemporaryAccessPass(string include) => new()
    {
        ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
        ["id"] = "TemporaryAccessPass",
        ["state"] = "enabled",
        ["defaultLifetimeInMinutes"] = 60,
        ["defaultLength"] = 8,
        ["minimumLifetimeInMinutes"] = 60,
        ["maximumLifetimeInMinutes"] = 480,
        ["isUsableOnce"] = true,
        ["excludeTargets"] = new JsonArray(),
        ["includeTargets"] = new JsonArray(new JsonObject { ["targetType"] = "group", ["id"] = include, ["isRegistrationRequired"] = false }),
    };

    private static JsonObject Simple(string type, string id, bool enabled) => new()
    {
        ["@odata.type"] = $"#microsoft.graph.{type}AuthenticationMethodConfiguration",
        ["id"] = id,
        ["state"] = enabled ? "enabled" : "disabled",
        ["excludeTargets"] = new JsonArray(),
        ["includeTargets"] = new JsonArray(new JsonObject { ["targetType"] = "group", ["id"] = "all_users", ["isRegistrationRequired"] = false }),
    };
}
