using System;
using System.Text.Json.Nodes;

namespace GraphSimulator.Generation;

/// <summary>Registered authentication methods as Graph returns them, for a user with a given cause.</summary>
internal static class MethodFactory
{
    private const string PasswordId = "28c10230-6103-485e-b985-444c60001490";
    private const string MobilePhoneId = "3179e48a-750b-4051-897c-87b9720928f7";
    private const string EmailId = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

    private static readonly (string Aaguid, string Model, string PasskeyType)[] Passkeys =
    [
        ("2fc0579f-8113-47ea-b116-bb5a8db9202a", "YubiKey 5 Series with NFC", "deviceBound"),
        ("90a3ccdf-635c-4729-a248-9b709135078f", "Microsoft Authenticator - iOS", "deviceBound"),
        ("de1e552d-db1d-4423-a619-566b625cdc84", "Microsoft Authenticator - Android", "deviceBound"),
        ("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain", "synced"),
    ];

    public static JsonArray For(UserCause cause, string mailNickname, int ageDays, Random random)
    {
        var methods = new JsonArray(Password(ageDays));
        switch (cause)
        {
            case UserCause.Ready:
            case UserCause.Excluded:
            case UserCause.NotTargeted:
            case UserCause.Guest:
            case UserCause.Disabled:
                AddMfaMethods(methods, random);
                if (cause == UserCause.Ready && random.Next(10) == 0)
                {
                    methods.Add(Passkey(random));
                }

                break;
            case UserCause.NoMfaMethod:
                methods.Add(Email(mailNickname));
                break;
            case UserCause.ReadyWithTap:
                methods.Add(TemporaryAccessPass(random, startMinutesAgo: 5 + random.Next(30), used: false));
                break;
            case UserCause.ExpiredTap:
                methods.Add(TemporaryAccessPass(random, startMinutesAgo: (2 + random.Next(10)) * 24 * 60, used: false));
                break;
            case UserCause.UsedTap:
                methods.Add(TemporaryAccessPass(random, startMinutesAgo: 5 + random.Next(30), used: true));
                break;
            case UserCause.SinglePasskey:
                methods.Add(Passkey(random));
                break;
        }

        return methods;
    }

    private static void AddMfaMethods(JsonArray methods, Random random)
    {
        var roll = random.Next(10);
        if (roll < 6)
        {
            methods.Add(Authenticator(random));
        }

        if (roll is >= 5 and < 9)
        {
            methods.Add(Phone(random));
        }

        if (roll == 9)
        {
            methods.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.softwareOathAuthenticationMethod",
                ["id"] = SeededIds.Guid(random),
                ["secretKey"] = null,
            });
        }
    }

    private static JsonObject Password(int ageDays) => new()
    {
        ["@odata.type"] = "#microsoft.graph.passwordAuthenticationMethod",
        ["id"] = PasswordId,
        ["password"] = null,
        ["createdDateTime"] = SeededIds.DaysAgo(ageDays),
    };

    private static JsonObject Authenticator(Random random) => new()
    {
        ["@odata.type"] = "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        ["id"] = SeededIds.Guid(random),
        ["displayName"] = random.Next(2) == 0 ? "iPhone 15" : "Pixel 8",
        ["deviceTag"] = "SoftwareTokenActivated",
        ["phoneAppVersion"] = "6.8." + random.Next(40),
        ["createdDateTime"] = SeededIds.DaysAgo(1 + random.Next(300)),
    };

    private static JsonObject Phone(Random random) => new()
    {
        ["@odata.type"] = "#microsoft.graph.phoneAuthenticationMethod",
        ["id"] = MobilePhoneId,
        ["phoneNumber"] = "+1 425555" + random.Next(1000, 10000),
        ["phoneType"] = "mobile",
        ["smsSignInState"] = random.Next(4) == 0 ? "ready" : "notEnabled",
    };

    private static JsonObject Email(string mailNickname) => new()
    {
        ["@odata.type"] = "#microsoft.graph.emailAuthenticationMethod",
        ["id"] = EmailId,
        ["emailAddress"] = mailNickname + ".home@example.com",
    };

    private static JsonObject TemporaryAccessPass(Random random, int startMinutesAgo, bool used)
    {
        var pass = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
            ["id"] = SeededIds.Guid(random),
            ["temporaryAccessPass"] = null,
            ["createdDateTime"] = SeededIds.MinutesAgo(startMinutesAgo),
            ["startDateTime"] = SeededIds.MinutesAgo(startMinutesAgo),
            ["lifetimeInMinutes"] = 60,
            ["isUsableOnce"] = true,
        };
        if (used)
        {
            pass["used"] = true;
        }

        return pass;
    }

    private static JsonObject Passkey(Random random)
    {
        var (aaguid, model, type) = Passkeys[random.Next(Passkeys.Length)];
        Span<byte> credential = stackalloc byte[16];
        random.NextBytes(credential);
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.fido2AuthenticationMethod",
            ["id"] = Convert.ToBase64String(credential).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["displayName"] = model,
            ["createdDateTime"] = SeededIds.DaysAgo(1 + random.Next(90)),
            ["aaGuid"] = aaguid,
            ["model"] = model,
            ["attestationCertificates"] = new JsonArray(),
            ["attestationLevel"] = type == "synced" ? "notAttested" : "attested",
            ["passkeyType"] = type,
        };
    }
}
