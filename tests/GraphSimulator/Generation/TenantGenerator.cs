using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.Generation;

/// <summary>
/// A generated tenant document, the cause given to each user (by position in "users"), and its sign-ins newest first,
/// kept apart as recipes (the document's "signIns" is empty) so a large tenant's logs fit in memory.
/// </summary>
internal sealed record GeneratedTenant(JsonObject Document, IReadOnlyList<UserCause> Causes, IReadOnlyList<GeneratedSignIn> SignIns)
{
    /// <summary>The document with its sign-ins in "signIns" (relative times), as a tenant file holds them.</summary>
    public JsonObject WithSignIns()
    {
        var copy = (JsonObject)Document.DeepClone();
        copy["signIns"] = new JsonArray(SignIns.Select(s => (JsonNode?)SignInFactory.Render(s, null)).ToArray());
        return copy;
    }
}

/// <summary>
/// Builds a synthetic tenant of N users in memory, reproducibly from a seed. Groups: "Passkey Users" (FIDO2 include)
/// holds 10 departments, each holding 3 teams, each holding a squad (users sit 1 to 4 groups deep); "Passkey Pilot"
/// (a second include target, direct members); "Passkey Exclusions" (exclude target) holding "Break Glass";
/// "Guests" nested in Passkey Users; "TAP Onboarding" (TAP include target) holding Passkey Users; "Contractors"
/// (not targeted). Every user has exactly one <see cref="UserCause"/>, spread as in <see cref="UserCauses.Spread"/>.
/// </summary>
internal static class TenantGenerator
{
    public const string DiagnosticsAppId = "061f1d99-9360-4406-b243-b1d623270823";
    public const string DiagnosticsSecret = "sim-secret-do-not-use-in-production";
    public const string Domain = "fabrikam.com";
    private const int Departments = 10;
    private const int TeamsPerDepartment = 3;

    private static readonly string[] GivenNames =
    [
        "Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kai", "Logan",
        "Morgan", "Noel", "Parker", "Quinn", "Riley", "Sage", "Taylor", "Rowan", "Skyler", "Reese",
    ];

    private static readonly string[] Surnames =
    [
        "Chen", "Garcia", "Okafor", "Novak", "Silva", "Kim", "Patel", "Müller", "O'Neil", "Haddad",
        "Larsen", "Rossi", "Tanaka", "Nguyen", "Kowalski", "Dubois", "Ibrahim", "Jensen", "Moreau", "Fischer",
    ];

    public static GeneratedTenant Generate(GenerationOptions options)
    {
        if (options.Users < 1)
        {
            throw new ArgumentException("A generated tenant needs at least 1 user.", nameof(options));
        }

        var random = new Random(options.Seed);
        var groups = new GroupSet(random);
        var users = new JsonArray();
        var causes = new List<UserCause>(options.Users);
        var signIns = new List<GeneratedSignIn>();
        for (var i = 0; i < options.Users; i++)
        {
            var cause = UserCauses.Pick(i, random);
            var user = CreateUser(i, cause, random);
            groups.Place(Json(user, "id"), cause, random);
            SignInFactory.AddFor(signIns, user, cause, options, random);
            users.Add(user);
            causes.Add(cause);
        }

        var document = new JsonObject
        {
            ["tenantId"] = SeededIds.Guid(new Random(options.Seed ^ 0x5EED)),
            ["displayName"] = $"Fabrikam (synthetic, {options.Users} users, seed {options.Seed})",
            ["defaultDomain"] = Domain,
            ["licence"] = "P2",
            ["apps"] = new JsonArray(new JsonObject
            {
                ["clientId"] = DiagnosticsAppId,
                ["displayName"] = "EntraPasskey Diagnostics",
                ["clientSecret"] = DiagnosticsSecret,
                ["roles"] = new JsonArray(
                    "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All",
                    "Policy.Read.AuthenticationMethod", "AuditLog.Read.All", "Organization.Read.All", "Directory.Read.All"),
            }),
            ["users"] = users,
            ["groups"] = groups.ToJson(),
            ["authenticationMethodsPolicy"] = PolicyFactory.Create([groups.PasskeyUsers, groups.Pilot], groups.Exclusions, groups.TapOnboarding),
            ["securityDefaults"] = new JsonObject { ["isEnabled"] = false },
            ["conditionalAccessPolicies"] = new JsonArray(),
            ["signIns"] = new JsonArray(),
            ["generated"] = Summary(options, causes),
        };
        return new GeneratedTenant(document, causes, signIns.OrderBy(s => s.SecondsAgo).ToList());
    }

    private static JsonObject CreateUser(int index, UserCause cause, Random random)
    {
        var given = GivenNames[random.Next(GivenNames.Length)];
        var surname = Surnames[random.Next(Surnames.Length)];
        var nickname = $"{given}.{surname}.{index:D6}".ToLowerInvariant().Replace("ü", "ue", StringComparison.Ordinal);
        var guest = cause == UserCause.Guest;
        var upn = guest ? $"{nickname}_partner.example#EXT#@fabrikam.onmicrosoft.com" : $"{nickname}@{Domain}";
        var ageDays = 30 + random.Next(900);
        return new JsonObject
        {
            ["id"] = SeededIds.Guid(random),
            ["displayName"] = $"{given} {surname} {index:D6}",
            ["givenName"] = given,
            ["surname"] = surname,
            ["userPrincipalName"] = upn,
            ["mail"] = guest ? $"{nickname}@partner.example" : upn,
            ["jobTitle"] = null,
            ["department"] = $"Department {index % Departments}",
            ["businessPhones"] = new JsonArray(),
            ["mobilePhone"] = null,
            ["preferredLanguage"] = "en-US",
            ["usageLocation"] = "US",
            ["accountEnabled"] = cause != UserCause.Disabled,
            ["userType"] = guest ? "Guest" : "Member",
            ["creationType"] = guest ? "Invitation" : null,
            ["externalUserState"] = guest ? "Accepted" : null,
            ["createdDateTime"] = SeededIds.DaysAgo(ageDays),
            ["methods"] = MethodFactory.For(cause, nickname, ageDays, random),
        };
    }

    private static JsonObject Summary(GenerationOptions options, IReadOnlyList<UserCause> causes)
    {
        var byCause = new JsonObject();
        foreach (var group in causes.GroupBy(c => c).OrderBy(g => g.Key))
        {
            byCause[group.Key.ToString()] = group.Count();
        }

        var byReason = new JsonObject();
        foreach (var group in causes.GroupBy(c => UserCauses.ExpectedReason(c) ?? "Ready").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byReason[group.Key] = group.Count();
        }

        return new JsonObject
        {
            ["seed"] = options.Seed,
            ["users"] = options.Users,
            ["signInsPerUserPerDay"] = options.SignInsPerUserPerDay,
            ["mfaShare"] = options.MfaShare,
            ["signInDays"] = options.SignInDays,
            ["causes"] = byCause,
            ["expectedReasons"] = byReason,
        };
    }

    private static string Json(JsonObject obj, string name) => obj[name]!.GetValue<string>();

    /// <summary>The groups and who sits where.</summary>
    private sealed class GroupSet
    {
        private readonly Dictionary<string, (string Name, List<string> Members)> _groups = new();
        private readonly List<string> _order = [];
        private readonly List<string> _departments = [];
        private readonly List<string> _teams = [];
        private readonly List<string> _squads = [];
        private readonly Random _random;

        public GroupSet(Random random)
        {
            _random = random;
            PasskeyUsers = Add("Passkey Users");
            Pilot = Add("Passkey Pilot");
            Exclusions = Add("Passkey Exclusions");
            BreakGlass = Add("Break Glass");
            Guests = Add("Guests");
            TapOnboarding = Add("TAP Onboarding");
            Contractors = Add("Contractors");
            Nest(Exclusions, BreakGlass);
            Nest(PasskeyUsers, Guests);
            Nest(TapOnboarding, PasskeyUsers);
            for (var d = 0; d < Departments; d++)
            {
                var department = Add($"Department {d}");
                Nest(PasskeyUsers, department);
                _departments.Add(department);
                for (var t = 0; t < TeamsPerDepartment; t++)
                {
                    var team = Add($"Department {d} Team {t}");
                    var squad = Add($"Department {d} Team {t} Squad");
                    Nest(department, team);
                    Nest(team, squad);
                    _teams.Add(team);
                    _squads.Add(squad);
                }
            }
        }

        public string PasskeyUsers { get; }

        public string Pilot { get; }

        public string Exclusions { get; }

        public string BreakGlass { get; }

        public string Guests { get; }

        public string TapOnboarding { get; }

        public string Contractors { get; }

        public void Place(string userId, UserCause cause, Random random)
        {
            switch (cause)
            {
                case UserCause.NotTargeted:
                    Nest(Contractors, userId);
                    return;
                case UserCause.Guest:
                    Nest(Guests, userId);
                    return;
                case UserCause.Excluded:
                    Nest(Pick(_teams, random), userId);
                    Nest(random.Next(4) == 0 ? BreakGlass : Exclusions, userId);
                    return;
                case UserCause.ReadyWithTap:
                    Nest(Pick(_teams, random), userId);
                    return;
            }

            // Depth below Passkey Users: pilot 1 (another target), department 2, team 3, squad 4.
            var roll = random.Next(10);
            var parent = roll switch
            {
                0 => Pilot,
                < 3 => Pick(_departments, random),
                < 8 => Pick(_teams, random),
                _ => Pick(_squads, random),
            };
            Nest(parent, userId);
        }

        public JsonArray ToJson() => new(_order.Select(id => (JsonNode?)new JsonObject
        {
            ["id"] = id,
            ["displayName"] = _groups[id].Name,
            ["mailNickname"] = _groups[id].Name.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
            ["securityEnabled"] = true,
            ["mailEnabled"] = false,
            ["groupTypes"] = new JsonArray(),
            ["createdDateTime"] = "@now-200d",
            ["members"] = new JsonArray(_groups[id].Members.Select(m => (JsonNode?)m).ToArray()),
        }).ToArray());

        private string Add(string name)
        {
            var id = SeededIds.Guid(_random);
            _groups[id] = (name, []);
            _order.Add(id);
            return id;
        }

        private void Nest(string parent, string member) => _groups[parent].Members.Add(member);

        private static string Pick(List<string> from, Random random) => from[random.Next(from.Count)];
    }
}
