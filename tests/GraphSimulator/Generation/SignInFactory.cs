using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace GraphSimulator.Generation;

/// <summary>
/// Beta signIn objects (the shape in ENGINEERING.md) for one user over the last 7 days: interactive browser
/// sign-ins, multi-factor when the user has an MFA-capable method, single-factor otherwise.
/// </summary>
internal static class SignInFactory
{
    private const int WeekInMinutes = 7 * 24 * 60;
    private static readonly (string App, string AppId)[] Apps =
    [
        ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
        ("My Signins", "19db86c3-b2b9-44cc-b339-36da233a3be2"),
        ("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"),
    ];

    private static readonly (string Os, string Browser)[] Devices =
    [
        ("Windows10", "Edge 131.0.0"), ("Windows10", "Chrome 131.0.0"), ("MacOs", "Safari 18.1"),
        ("Ios", "Mobile Safari 17.5"), ("Android", "Chrome Mobile 131.0.0"),
    ];

    private static readonly string[] MfaWordings = ["MFA", "Multi-factor authentication", "Multifactor authentication"];

    public readonly record struct Generated(int MinutesAgo, JsonObject SignIn);

    public static void AddFor(List<Generated> into, JsonObject user, UserCause cause, int average, Random random)
    {
        if (average <= 0)
        {
            return;
        }

        var count = 1 + random.Next(2 * average - 1);
        var multiFactor = cause is UserCause.Ready or UserCause.Excluded or UserCause.NotTargeted or UserCause.Guest or UserCause.ReadyWithTap;
        // A disabled account signed in before it was disabled, not in the last two days.
        var newest = cause == UserCause.Disabled ? 2 * 24 * 60 : 1;
        for (var i = 0; i < count; i++)
        {
            var minutesAgo = newest + random.Next(WeekInMinutes - newest);
            into.Add(new Generated(minutesAgo, Create(user, minutesAgo, multiFactor, random)));
        }
    }

    private static JsonObject Create(JsonObject user, int minutesAgo, bool multiFactor, Random random)
    {
        var (app, appId) = Apps[random.Next(Apps.Length)];
        var (os, browser) = Devices[random.Next(Devices.Length)];
        var when = SeededIds.MinutesAgo(minutesAgo);
        var details = new JsonArray(Step(when, "Password", "Password in the cloud", "Primary authentication"));
        if (multiFactor)
        {
            // The logs word the second step's requirement three ways; a generated tenant has all three.
            details.Add(Step(when, "Mobile app notification", "Notification approved", MfaWordings[minutesAgo % MfaWordings.Length]));
        }

        return new JsonObject
        {
            ["id"] = SeededIds.Guid(random),
            ["createdDateTime"] = when,
            ["userDisplayName"] = user["displayName"]?.DeepClone(),
            ["userPrincipalName"] = user["userPrincipalName"]?.DeepClone(),
            ["userId"] = user["id"]?.DeepClone(),
            ["appId"] = appId,
            ["appDisplayName"] = app,
            ["clientAppUsed"] = "Browser",
            ["correlationId"] = SeededIds.Guid(random),
            ["ipAddress"] = $"203.0.113.{random.Next(1, 255)}",
            ["isInteractive"] = true,
            ["signInEventTypes"] = new JsonArray("interactiveUser"),
            ["authenticationRequirement"] = multiFactor ? "multiFactorAuthentication" : "singleFactorAuthentication",
            ["authenticationDetails"] = details,
            ["conditionalAccessStatus"] = "notApplied",
            ["deviceDetail"] = new JsonObject
            {
                ["deviceId"] = "",
                ["displayName"] = "",
                ["operatingSystem"] = os,
                ["browser"] = browser,
                ["isCompliant"] = false,
                ["isManaged"] = false,
                ["trustType"] = "",
            },
            ["location"] = new JsonObject { ["city"] = "Redmond", ["state"] = "Washington", ["countryOrRegion"] = "US" },
            ["status"] = new JsonObject { ["errorCode"] = 0, ["failureReason"] = "Other.", ["additionalDetails"] = null },
        };
    }

    private static JsonObject Step(string when, string method, string detail, string requirement) => new()
    {
        ["authenticationStepDateTime"] = when,
        ["authenticationMethod"] = method,
        ["authenticationMethodDetail"] = detail,
        ["succeeded"] = true,
        ["authenticationStepResultDetail"] = requirement == "MFA" ? "MFA successfully completed" : "Correct password",
        ["authenticationStepRequirement"] = requirement,
    };
}
