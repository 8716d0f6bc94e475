using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>GET reports/authenticationMethods/userRegistrationDetails</c> (and <c>/{id}</c>): the registration report,
/// one row per user in the documented userRegistrationDetails shape, computed from each user's stored methods
/// (methodsRegistered uses the report's names: mobilePhone, email, microsoftAuthenticatorPush, passKeySynced, ...).
/// Graph documents no page size for it; pages of 1000 are ours. A Free tenant gets Graph's premium-licence 403.
/// </summary>
internal static class RegistrationDetailsResource
{
    private const string Fragment = "reports/authenticationMethods/userRegistrationDetails";

    private static readonly PageSize Rows = new(1000, 1000);

    private static readonly HashSet<string> WindowsHello = new(StringComparer.OrdinalIgnoreCase)
    {
        "08987058-cadc-4b81-b6e1-30de50dcbe96", "9ddd1817-af5a-4672-a2b9-3e3dd95000a9", "6028b017-b1d4-4c02-b4b3-afcdafc96bb2",
    };

    private static readonly HashSet<string> Authenticator = new(StringComparer.OrdinalIgnoreCase)
    {
        "90a3ccdf-635c-4729-a248-9b709135078f", "de1e552d-db1d-4423-a619-566b625cdc84",
    };

    private static readonly HashSet<string> Strong = new(StringComparer.Ordinal)
    {
        "mobilePhone", "alternateMobilePhone", "officePhone", "microsoftAuthenticatorPush", "softwareOneTimePasscode",
        "hardwareOneTimePasscode", "passKeyDeviceBound", "passKeyDeviceBoundAuthenticator", "passKeyDeviceBoundWindowsHello",
        "passKeySynced", "windowsHelloForBusiness", "macOsSecureEnclaveKey", "externalAuthMethod", "temporaryAccessPass",
    };

    private static readonly HashSet<string> Passwordless = new(StringComparer.Ordinal)
    {
        "passKeyDeviceBound", "passKeyDeviceBoundAuthenticator", "passKeyDeviceBoundWindowsHello", "passKeySynced", "windowsHelloForBusiness",
    };

    public static void Map(Router routes)
    {
        routes.Get(Fragment, GraphPermissions.ReadRegistrationDetails, List);
        routes.Get($"{Fragment}/{{user}}", GraphPermissions.ReadRegistrationDetails, Get);
    }

    private static GraphResponse List(RouteContext context)
    {
        RequirePremium(context);
        return CollectionResponse.Create(context, Fragment, context.Tenant.Users.Select(u => Row(u, context)), Rows,
            row => Projection.Render(row, context.Query.Select));
    }

    private static GraphResponse Get(RouteContext context)
    {
        RequirePremium(context);
        var user = context.Tenant.FindUserById(context["user"]) ?? throw GraphErrors.NotFound(context["user"]);
        return context.Entity(Fragment, Projection.Render(Row(user, context), context.Query.Select), context.Query.Select);
    }

    private static void RequirePremium(RouteContext context)
    {
        if (context.Tenant.Licence == "Free")
        {
            throw new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
        }
    }

    private static JsonObject Row(JsonObject user, RouteContext context)
    {
        var methods = TenantState.MethodsOf(user).Select(Registered).Where(m => m != null).Select(m => m!).Distinct().ToList();
        var mfa = methods.Any(Strong.Contains);
        var preferred = methods.Contains("microsoftAuthenticatorPush") ? "push" : methods.Contains("mobilePhone") ? "sms" : "none";
        return new JsonObject
        {
            ["id"] = Json.Id(user),
            ["userPrincipalName"] = Json.String(user, "userPrincipalName"),
            ["userDisplayName"] = Json.String(user, "displayName"),
            ["userType"] = string.Equals(Json.String(user, "userType"), "Guest", StringComparison.OrdinalIgnoreCase) ? "guest" : "member",
            ["isAdmin"] = false,
            ["isSsprRegistered"] = mfa,
            ["isSsprEnabled"] = true,
            ["isSsprCapable"] = mfa,
            ["isMfaRegistered"] = mfa,
            ["isMfaCapable"] = mfa,
            ["isPasswordlessCapable"] = methods.Any(Passwordless.Contains),
            ["lastUpdatedDateTime"] = RelativeTimes.Format(context.Now),
            ["methodsRegistered"] = new JsonArray(methods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
            ["isSystemPreferredAuthenticationMethodEnabled"] = true,
            ["systemPreferredAuthenticationMethods"] = new JsonArray(preferred == "none" ? Array.Empty<JsonNode>() : new JsonNode[] { JsonValue.Create(preferred)! }),
            ["userPreferredMethodForSecondaryAuthentication"] = preferred,
        };
    }

    /// <summary>The report's name for a stored method, or null for methods it does not list (the password).</summary>
    private static string? Registered(JsonObject method)
    {
        var type = Json.String(method, "@odata.type") ?? string.Empty;
        var kind = type.Substring(type.LastIndexOf('.') + 1);
        switch (kind)
        {
            case "phoneAuthenticationMethod":
                return Json.String(method, "phoneType") switch
                {
                    "alternateMobile" => "alternateMobilePhone",
                    "office" => "officePhone",
                    _ => "mobilePhone",
                };
            case "emailAuthenticationMethod": return "email";
            case "microsoftAuthenticatorAuthenticationMethod": return "microsoftAuthenticatorPush";
            case "softwareOathAuthenticationMethod": return "softwareOneTimePasscode";
            case "hardwareOathAuthenticationMethod": return "hardwareOneTimePasscode";
            case "windowsHelloForBusinessAuthenticationMethod": return "windowsHelloForBusiness";
            case "temporaryAccessPassAuthenticationMethod": return "temporaryAccessPass";
            case "platformCredentialAuthenticationMethod": return "macOsSecureEnclaveKey";
            case "externalAuthenticationMethod": return "externalAuthMethod";
            case "qrCodePinAuthenticationMethod": return "qrCode";
            case "fido2AuthenticationMethod":
                var aaguid = Json.String(method, "aaGuid") ?? string.Empty;
                return string.Equals(Json.String(method, "passkeyType"), "synced", StringComparison.OrdinalIgnoreCase) ? "passKeySynced"
                    : Authenticator.Contains(aaguid) ? "passKeyDeviceBoundAuthenticator"
                    : WindowsHello.Contains(aaguid) ? "passKeyDeviceBoundWindowsHello"
                    : "passKeyDeviceBound";
            default: return null;
        }
    }
}
