using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace GraphSimulator.Pipeline;

/// <summary>What a handler (or a stage) answers. Error bodies get their innerError when the pipeline stamps them.</summary>
internal sealed class GraphResponse
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    public const string ErrorContentType = "application/json";

    private GraphResponse(int status, JsonNode? body, string? errorCode, string? errorMessage)
    {
        Status = status;
        Body = body;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public int Status { get; }

    public JsonNode? Body { get; private set; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>An injected fault: the server drops the connection instead of answering (top-level requests only).</summary>
    public bool AbortConnection { get; private init; }

    /// <summary>An injected fault: the response is served damaged (see <see cref="Faults.BodyFault"/>).</summary>
    public Faults.BodyFault BodyFault { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ContentType => Body is null ? null : ErrorCode is null ? JsonContentType : ErrorContentType;

    public static GraphResponse Ok(JsonNode body) => new(200, body, null, null);

    public static GraphResponse Json(int status, JsonNode body) => new(status, body, null, null);

    public static GraphResponse NoContent() => new(204, null, null, null);

    public static GraphResponse Error(int status, string code, string message) => new(status, null, code, message);

    /// <summary>Logged with status 0; the dispatcher aborts the connection.</summary>
    public static GraphResponse ConnectionReset() => new(0, null, null, null) { AbortConnection = true };

    /// <summary>Adds the correlation headers every Graph response carries and completes an error body.</summary>
    public GraphResponse Stamp(GraphRequest request, DateTimeOffset now)
    {
        Headers["request-id"] = request.RequestId;
        Headers["client-request-id"] = request.ClientRequestId;
        if (ErrorCode is not null && Body is null)
        {
            Body = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = ErrorCode,
                    ["message"] = ErrorMessage,
                    ["innerError"] = new JsonObject
                    {
                        ["date"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                        ["request-id"] = request.RequestId,
                        ["client-request-id"] = request.ClientRequestId,
                    },
                },
            };
        }

        return this;
    }
}
