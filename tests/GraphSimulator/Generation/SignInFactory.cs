using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSimulator.Generation;

/// <summary>
/// Beta signIn objects (the shape in ENGINEERING.md) for one user: interactive browser sign-ins over the last
/// <see cref="GenerationOptions.SignInDays"/> days at <see cref="GenerationOptions.SignInsPerUserPerDay"/>, multi-factor
/// in <see cref="GenerationOptions.MfaShare"/> of them when the user has an MFA-capable method, single-factor
/// otherwise. A sign-in is kept as a recipe (<see cref="GeneratedSignIn"/>) and rendered when served: a 100,000-user
/// tenant at eight a day holds 800,000, which as JSON objects would not fit in memory.
/// </summary>
internal static class SignInFactory
{
    private const int SecondsPerDay = 24 * 60 * 60;
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

    public static void AddFor(List<GeneratedSignIn> into, JsonObject user, UserCause cause, GenerationOptions options, Random random)
    {
        var days = Math.Clamp(options.SignInDays, 1, 30);
        var expected = Math.Max(0, options.SignInsPerUserPerDay) * days;
        var count = (int)Math.Floor(expected) + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
        var mfaCapable = cause is UserCause.Ready or UserCause.Excluded or UserCause.NotTargeted or UserCause.Guest or UserCause.ReadyWithTap or UserCause.SinglePasskey;
        // A disabled account signed in before it was disabled, not in the last two days.
        var newest = cause == UserCause.Disabled ? 2 * SecondsPerDay : 1;
        var span = days * SecondsPerDay - newest;
        for (var i = 0; i < count && span > 0; i++)
        {
            var secondsAgo = newest + random.Next(span);
            into.Add(new GeneratedSignIn(user, secondsAgo, mfaCapable && random.NextDouble() < options.MfaShare, random.Next()));
        }
    }

    /// <summary>
    /// The sign-in a recipe describes: the same recipe always gives the same object. Its time is relative
    /// ("@now-90s") without <paramref name="now"/>, for tenant files; resolved against it otherwise.
    /// </summary>
    public static JsonObject Render(GeneratedSignIn recipe, DateTimeOffset? now) =>
        Create(
            recipe.User,
            now is { } at ? at.ToUniversalTime().AddSeconds(-recipe.SecondsAgo).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : $"@now-{recipe.SecondsAgo}s",
            recipe.MultiFactor,
            recipe.SecondsAgo,
            new Random(recipe.Seed));

    private static JsonObject Create(JsonObject user, string when, bool multiFactor, int secondsAgo, Random random)
    {
        var (app, appId) = Apps[random.Next(Apps.Length)];
        var (os, browser) = Devices[random.Next(Devices.Length)];
        var details = new JsonArray(Step(when, "Password", "Password in the cloud", "Primary authentication"));
        if (multiFactor)
        {
            // The logs word the second step's requirement three ways; a generated tenant has all three.
            details.Add(Step(when, "Mobile app notification", "Notification approved", MfaWordings[secondsAgo % MfaWordings.Length]));
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

/// <summary>One generated sign-in, as little as renders it again: whose, how long ago, whether with MFA, and the seed of the rest.</summary>
internal sealed record GeneratedSignIn(JsonObject User, int SecondsAgo, bool MultiFactor, int Seed);
