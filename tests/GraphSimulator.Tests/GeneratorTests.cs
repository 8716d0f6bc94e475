using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphSimulator.Generation;
using GraphSimulator.Resources;
using GraphSimulator.State;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>The synthetic tenant: reproducible, every user where its cause says, sign-ins in the shared shape.</summary>
public sealed class GeneratorTests
{
    private static readonly GeneratedTenant Thousand = TenantGenerator.Generate(new GenerationOptions { Users = 1_000, Seed = 42 });

    [Fact]
    public void The_same_seed_gives_the_same_tenant_and_another_seed_another()
    {
        var options = new GenerationOptions { Users = 200, Seed = 11 };

        var first = TenantGenerator.Generate(options).Document.ToJsonString();
        var again = TenantGenerator.Generate(options).Document.ToJsonString();
        var other = TenantGenerator.Generate(new GenerationOptions { Users = 200, Seed = 12 }).Document.ToJsonString();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Even_a_small_tenant_has_every_cause()
    {
        var tenant = TenantGenerator.Generate(new GenerationOptions { Users = UserCauses.Spread.Count, Seed = 1 });

        Assert.Equal(Enum.GetValues<UserCause>().Order(), tenant.Causes.Order());
    }

    [Fact]
    public void Causes_follow_the_published_spread()
    {
        var tenant = TenantGenerator.Generate(new GenerationOptions { Users = 20_000, Seed = 3, SignInsPerUserPerDay = 0 });

        foreach (var (cause, perMille) in UserCauses.Spread)
        {
            var share = tenant.Causes.Count(c => c == cause) * 1000.0 / tenant.Causes.Count;
            Assert.InRange(share, perMille * 0.8, perMille * 1.2);
        }

        var summary = tenant.Document["generated"]!["expectedReasons"]!;
        Assert.Equal(tenant.Causes.Count(c => UserCauses.ExpectedReason(c) is null), summary["Ready"]!.GetValue<int>());
    }

    [Fact]
    public void Every_user_is_targeted_excluded_or_not_as_the_cause_says()
    {
        var state = TenantState.Load((JsonObject)Thousand.Document.DeepClone());
        var fido2 = PolicyTargeting.FindConfiguration(state, "Fido2")!;
        var includes = Json.Objects(fido2, "includeTargets").Select(Json.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < state.Users.Count; i++)
        {
            var id = Json.Id(state.Users[i]);
            var groups = state.Membership.TransitiveGroupsOf(id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var included = groups.Overlaps(includes);
            var applies = PolicyTargeting.AppliesTo(fido2, id, state);
            switch (Thousand.Causes[i])
            {
                case UserCause.NotTargeted:
                    Assert.False(included, $"user {i} should not be targeted");
                    break;
                case UserCause.Excluded:
                    Assert.True(included && !applies, $"user {i} should be included and excluded");
                    break;
                default:
                    Assert.True(applies, $"user {i} ({Thousand.Causes[i]}) should be targeted");
                    break;
            }
        }
    }

    [Fact]
    public void Users_sit_up_to_four_groups_deep_below_the_include_target()
    {
        var state = TenantState.Load((JsonObject)Thousand.Document.DeepClone());

        var depths = state.Users.Select(u => state.Membership.TransitiveGroupsOf(Json.Id(u)).Count).ToList();

        Assert.Contains(depths, d => d >= 5);
        Assert.Contains(depths, d => d == 1);
    }

    [Fact]
    public void Methods_match_the_cause()
    {
        var now = Contoso.Now;
        var document = (JsonObject)Thousand.Document.DeepClone();
        RelativeTimes.Resolve(document, now);
        var state = TenantState.Load(document);

        for (var i = 0; i < state.Users.Count; i++)
        {
            var user = state.Users[i];
            var types = TenantState.MethodsOf(user).Select(m => Json.String(m, "@odata.type")!.Replace("#microsoft.graph.", "", StringComparison.Ordinal)).ToList();
            var tap = TenantState.MethodsOf(user).FirstOrDefault(m => Json.String(m, "@odata.type") == AuthenticationMethodsResource.TemporaryAccessPassType);
            var tapReason = tap is null ? null : TemporaryAccessPassUsability.Reason(tap, Json.Id(user), state, now);
            Assert.Equal("passwordAuthenticationMethod", types[0]);
            switch (Thousand.Causes[i])
            {
                case UserCause.NoMfaMethod:
                    Assert.Equal(["passwordAuthenticationMethod", "emailAuthenticationMethod"], types);
                    break;
                case UserCause.ReadyWithTap:
                    Assert.Equal("EnabledByPolicy", tapReason);
                    break;
                case UserCause.ExpiredTap:
                    Assert.Equal("Expired", tapReason);
                    break;
                case UserCause.UsedTap:
                    Assert.Equal("OneTimeUsed", tapReason);
                    break;
                case UserCause.SinglePasskey:
                    Assert.Equal(["passwordAuthenticationMethod", "fido2AuthenticationMethod"], types);
                    break;
                default:
                    Assert.True(types.Count >= 2, $"user {i} needs an MFA method");
                    Assert.Null(tap);
                    break;
            }
        }

        Assert.Contains(state.Users, u => TenantState.MethodsOf(u).Any(m => Json.String(m, "@odata.type") == "#microsoft.graph.fido2AuthenticationMethod"));
    }

    [Fact]
    public void Sign_ins_are_newest_first_for_existing_users_at_eight_a_day_one_with_mfa()
    {
        var signIns = Thousand.SignIns;
        var userIds = Thousand.Document["users"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).ToHashSet();
        var mfaCapable = Thousand.Causes.Count(c => c is UserCause.Ready or UserCause.Excluded or UserCause.NotTargeted or UserCause.Guest or UserCause.ReadyWithTap);

        Assert.InRange(signIns.Count, 7_600, 8_000);
        Assert.Equal(signIns.Select(s => s.SecondsAgo).Order(), signIns.Select(s => s.SecondsAgo));
        Assert.All(signIns, s => Assert.InRange(s.SecondsAgo, 1, 24 * 60 * 60));
        Assert.All(signIns, s => Assert.Contains(IdOf(s.User), userIds));
        Assert.InRange(signIns.Count(s => s.MultiFactor), mfaCapable * 8 * 0.1, mfaCapable * 8 * 0.15);
        Assert.Empty(Thousand.Document["signIns"]!.AsArray());
        var first = SignInFactory.Render(signIns[0], Contoso.Now);
        foreach (var field in new[] { "id", "userPrincipalName", "isInteractive", "authenticationRequirement", "authenticationDetails", "deviceDetail", "status", "conditionalAccessStatus", "signInEventTypes" })
        {
            Assert.True(first.ContainsKey(field), $"sign-in lacks {field}");
        }

        Assert.Equal(first.ToJsonString(), SignInFactory.Render(signIns[0], Contoso.Now).ToJsonString());
        Assert.Contains(signIns, s => SignInFactory.Render(s, null)["authenticationRequirement"]!.GetValue<string>() == "singleFactorAuthentication");
        Assert.Contains(signIns, s => SignInFactory.Render(s, null)["authenticationRequirement"]!.GetValue<string>() == "multiFactorAuthentication");
    }

    [Theory]
    [InlineData(0.4, 1, 0.125, 400)]
    [InlineData(20, 1, 0.125, 20_000)]
    [InlineData(8, 3, 0.125, 24_000)]
    [InlineData(8, 1, 0.5, 8_000)]
    [InlineData(0, 1, 0.125, 0)]
    public void The_sign_in_volume_follows_the_setting(double perDay, int days, double mfaShare, int expected)
    {
        var tenant = TenantGenerator.Generate(new GenerationOptions { Users = 1_000, Seed = 5, SignInsPerUserPerDay = perDay, SignInDays = days, MfaShare = mfaShare });
        var mfaCapable = tenant.Causes.Count(c => c is UserCause.Ready or UserCause.Excluded or UserCause.NotTargeted or UserCause.Guest or UserCause.ReadyWithTap);

        Assert.InRange(tenant.SignIns.Count, expected * 0.9, expected * 1.05);
        Assert.All(tenant.SignIns, s => Assert.InRange(s.SecondsAgo, 1, days * 24 * 60 * 60));
        Assert.InRange(tenant.SignIns.Count(s => s.MultiFactor), mfaCapable * perDay * days * mfaShare * 0.85, (mfaCapable * perDay * days * mfaShare * 1.15) + 5);
        Assert.Equal(perDay, tenant.Document["generated"]!["signInsPerUserPerDay"]!.GetValue<double>());
    }

    [Fact]
    public void A_tenant_file_holds_the_sign_ins_with_relative_times()
    {
        var tenant = TenantGenerator.Generate(new GenerationOptions { Users = 50, Seed = 8 });

        var file = tenant.WithSignIns()["signIns"]!.AsArray();

        Assert.Equal(tenant.SignIns.Count, file.Count);
        Assert.Equal($"@now-{tenant.SignIns[0].SecondsAgo}s", file[0]!["createdDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_generated_tenant_is_served_and_its_summary_shows_in_stats()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Generate = new GenerationOptions { Users = 600, Seed = 9 },
            FixedNow = Contoso.Now,
        });
        using var http = new GraphHttp(host, host.IssueToken(["User.Read.All", "GroupMember.Read.All"], TenantGenerator.DiagnosticsAppId));

        var page = await http.GetAsync("/v1.0/users?$select=id&$top=999");
        var groups = await http.GetAsync($"/v1.0/users/{page.Ids[20]}/transitiveMemberOf?$select=id");
        host.Reset();
        var afterReset = await http.GetAsync("/v1.0/users?$select=id&$top=999");

        Assert.Equal(600, page.Ids.Length);
        Assert.NotEmpty(groups.Ids);
        Assert.Equal(page.Ids, afterReset.Ids);
        var stats = host.Stats();
        Assert.Equal(600, stats["tenantUsers"]!.GetValue<int>());
        Assert.Equal(8_000, stats["budgets"]!["identity"]!["capacity"]!.GetValue<int>());
        Assert.Equal(600, stats["generated"]!["users"]!.GetValue<int>());
    }

    private static string IdOf(JsonObject user) => user["id"]!.GetValue<string>();
}
