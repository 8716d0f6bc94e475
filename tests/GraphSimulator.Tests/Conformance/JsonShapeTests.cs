using System.Text.Json.Nodes;
using Xunit;

namespace GraphSimulator.Tests.Conformance;

/// <summary>The shape comparison finds each kind of difference, and lets through what the rules allow.</summary>
public sealed class JsonShapeTests
{
    private const string Documented = """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#things",
          "value": [
            { "@odata.type": "#microsoft.graph.a", "id": "1", "count": 2, "tags": [], "targets": [ { "id": "t", "kind": "group" } ] },
            { "@odata.type": "#microsoft.graph.b", "id": "2", "enabled": true, "tags": [ "x" ], "headers": { "Retry-After": "1" } }
          ]
        }
        """;

    [Fact]
    public void SameShape_DifferentValues_NoDifference()
    {
        var reply = """
            { "@odata.context": "http://127.0.0.1/v1.0/$metadata#things", "@odata.nextLink": "http://127.0.0.1/next",
              "value": [ { "@odata.type": "#microsoft.graph.b", "id": "9", "enabled": false, "tags": [ "y", "z" ], "headers": { "Other": "v" } },
                         { "@odata.type": "#microsoft.graph.a", "id": "8", "count": null, "tags": [], "targets": [] } ] }
            """;

        Assert.Empty(JsonShape.Differences(JsonNode.Parse(Documented), JsonNode.Parse(reply), "headers"));
    }

    [Fact]
    public void ExtraMissingAndKind_AreEachReported()
    {
        var reply = """
            { "@odata.context": "x", "value": [ { "@odata.type": "#microsoft.graph.a", "id": 1, "tags": [], "targets": [], "extra": true } ] }
            """;

        var differences = JsonShape.Differences(JsonNode.Parse(Documented), JsonNode.Parse(reply));

        Assert.Contains("$.value[0].extra: not in the documented shape", differences);
        Assert.Contains("$.value[0].count: documented but missing from the reply", differences);
        Assert.Contains("$.value[0].id: documented as a string, the reply has a number", differences);
        Assert.Equal(3, differences.Count);
    }

    [Fact]
    public void ElementsOfAnUndocumentedTypeOrWithoutADocumentedShape_AreReported()
    {
        var reply = """
            { "@odata.context": "x", "value": [ { "@odata.type": "#microsoft.graph.c", "id": "3" },
                                               { "@odata.type": "#microsoft.graph.a", "id": "1", "count": 1, "tags": [], "targets": [ { "id": "t", "kind": "user", "more": 1 } ] } ] }
            """;

        var differences = JsonShape.Differences(JsonNode.Parse(Documented), JsonNode.Parse(reply));

        Assert.Contains("$.value[0]: @odata.type #microsoft.graph.c is not in the documented example", differences);
        Assert.Contains("$.value[1].targets[0].more: not in the documented shape", differences);
        Assert.Equal(2, differences.Count);
    }

    [Fact]
    public void ArrayWithNoDocumentedElementAnywhere_IsReported()
    {
        var differences = JsonShape.Differences(JsonNode.Parse("""{ "list": [] }"""), JsonNode.Parse("""{ "list": [ 1 ] }"""));

        Assert.Equal(new[] { "$.list[0]: the documented example has no element here to compare with" }, differences);
    }

    [Fact]
    public void OpenObjects_AreComparedByKindOnly_OnlyWhenNamed()
    {
        var reply = """
            { "@odata.context": "x", "value": [ { "@odata.type": "#microsoft.graph.b", "id": "2", "enabled": true, "tags": [], "headers": { "Other": "v" } } ] }
            """;

        Assert.Empty(JsonShape.Differences(JsonNode.Parse(Documented), JsonNode.Parse(reply), "headers"));
        Assert.Equal(2, JsonShape.Differences(JsonNode.Parse(Documented), JsonNode.Parse(reply)).Count);
    }

    [Fact]
    public void Select_KeepsTheSelectedPropertiesAndTheType()
    {
        var selected = JsonShape.Select(JsonNode.Parse(Documented)!, new[] { "id" });

        Assert.Equal("""{"@odata.type":"#microsoft.graph.a","id":"1"}""", selected["value"]![0]!.ToJsonString());
        Assert.Equal("https://graph.microsoft.com/v1.0/$metadata#things", selected["@odata.context"]!.GetValue<string>());
    }
}
