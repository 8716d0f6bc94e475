using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using GraphSimulator.OData.Filter;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class FilterTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Theory]
    [InlineData("userPrincipalName eq 'o''brien@contoso.com'", "Conor O'Brien")]
    [InlineData("surname eq 'O''BRIEN'", "Conor O'Brien")]
    [InlineData("startswith(displayName,'A')", "Adele Vance|Alex Wilber")]
    [InlineData("startswith(surname, 'o''b')", "Conor O'Brien")]
    [InlineData("id in ('" + Contoso.Adele + "', '" + Contoso.Lynne + "')", "Adele Vance|Lynne Robbins")]
    [InlineData("id eq " + Contoso.Megan, "Megan Bowen")]
    [InlineData("accountEnabled eq false", "Irvin Sayers")]
    [InlineData("userType eq 'Guest' or accountEnabled eq false and startswith(displayName,'Z')", "Pat Fabrikam (Guest)")]
    [InlineData("(userType eq 'Guest' or accountEnabled eq false) and startswith(displayName,'I')", "Irvin Sayers")]
    [InlineData("businessPhones/any(p: p eq '+1 425 555 0109')", "Adele Vance")]
    [InlineData("employeeOrgData/division eq 'Devices'", "Adele Vance|Lee Gu|Conor O'Brien")]
    [InlineData("createdDateTime ge 2026-02-20T00:00:00Z", "Joni Sherman|Grady Archie")]
    [InlineData("createdDateTime lt 2024-09-14T09:00:00Z", "Irvin Sayers")]
    [InlineData("creationType eq 'Invitation' and externalUserState ne null", "Pat Fabrikam (Guest)")]
    [InlineData("mobilePhone ne null", "Alex Wilber")]
    public async Task Filter_selects_exactly_the_expected_users(string filter, string expected)
    {
        Assert.Equal(expected.Split('|'), await NamesAsync(filter));
    }

    [Fact]
    public async Task Any_on_objects_and_empty_any()
    {
        var licensed = await NamesAsync("assignedLicenses/any(x: x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)");
        var withPhones = await NamesAsync("businessPhones/any()");
        var notEqual = await NamesAsync("displayName ne 'Adele Vance'");

        // Only the guest has no licence; the users that list a business phone are counted from the file.
        var usersWithPhones = Contoso.Load()["users"]!.AsArray().Count(u => u!["businessPhones"] is System.Text.Json.Nodes.JsonArray { Count: > 0 });
        Assert.Equal(Contoso.UserCount - 1, licensed.Length);
        Assert.DoesNotContain("Pat Fabrikam (Guest)", licensed);
        Assert.Equal(usersWithPhones, withPhones.Length);
        Assert.InRange(usersWithPhones, 2, Contoso.UserCount - 1);
        Assert.DoesNotContain("Pat Fabrikam (Guest)", withPhones);
        Assert.Equal(Contoso.UserCount - 1, notEqual.Length);
        Assert.DoesNotContain("Adele Vance", notEqual);
    }

    [Theory]
    [InlineData("endswith(mail,'.com')", "endswith")]
    [InlineData("contains(displayName,'a')", "contains")]
    [InlineData("not accountEnabled eq true", "not")]
    [InlineData("signInActivity/lastSignInDateTime add 1 eq 2", "add")]
    public async Task Unsupported_filter_is_request_unsupported_query(string filter, string named)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Request_UnsupportedQuery", reply.ErrorCode);
        Assert.Contains($"'{named}'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("displayName eq 'Adele", "unterminated string literal at position 15")]
    [InlineData("displayName eq", "the expression ends too early at position 14")]
    [InlineData("displayName is 'Adele'", "expected an operator but found 'is' at position 12")]
    [InlineData("(displayName eq 'Adele'", "expected ')' but found the end of the expression")]
    [InlineData("id in 'a','b'", "expected '(' after 'in'")]
    [InlineData("accountEnabled eq 'true'", "incompatible types")]
    [InlineData("displayName eq 'a' #", "unexpected character '#'")]
    public async Task Malformed_filter_is_bad_request_naming_the_problem(string filter, string problem)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("BadRequest", reply.ErrorCode);
        Assert.Contains(problem, reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var tree = FilterParser.Parse("a eq 1 or b eq 2 and c eq 3");

        var or = Assert.IsType<OrNode>(tree);
        Assert.IsType<ComparisonNode>(or.Left);
        var and = Assert.IsType<AndNode>(or.Right);
        Assert.Equal("b", Assert.IsType<PropertyPathNode>(Assert.IsType<ComparisonNode>(and.Left).Left).ToString());
    }

    [Fact]
    public void Literals_are_typed()
    {
        var tree = Assert.IsType<InNode>(FilterParser.Parse(
            "x in ('it''s', 42, -1.5, true, null, 2026-03-02T09:00:00Z, 6f1967b7-15e8-4935-ac26-d50770ed07a7)"));

        Assert.Equal(
            new object?[] { "it's", 42m, -1.5m, true, null, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), Guid.Parse("6f1967b7-15e8-4935-ac26-d50770ed07a7") },
            tree.Values.Select(v => v.Value).ToArray());
    }

    [Fact]
    public void Lambda_keeps_its_variable_and_nested_path()
    {
        var lambda = Assert.IsType<LambdaNode>(FilterParser.Parse("targetResources/any(r: r/id eq 'x')"));

        Assert.True(lambda.IsAny);
        Assert.Equal("r", lambda.Variable);
        Assert.Equal("targetResources", lambda.Collection.ToString());
        Assert.Equal("r/id", Assert.IsType<ComparisonNode>(lambda.Predicate).Left.ToString());
    }

    private async Task<string[]> NamesAsync(string filter)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users?$select=displayName&$filter=" + Uri.EscapeDataString(filter));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        return reply.Value.Select(v => v!["displayName"]!.GetValue<string>()).ToArray();
    }
}
