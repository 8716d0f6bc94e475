using System;

namespace GraphSimulator.Pipeline;

/// <summary>Thrown anywhere below the pipeline to answer with a Graph error; the pipeline turns it into a response.</summary>
internal sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public GraphResponse ToResponse() => GraphResponse.Error(Status, Code, Message);
}

/// <summary>Graph's error codes and texts, in one place.</summary>
internal static class GraphErrors
{
    public static GraphException NotFound(string key) => new(404, "Request_ResourceNotFound",
        $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphException RequestBadRequest(string message) => new(400, "Request_BadRequest", message);

    public static GraphException UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);

    public static GraphException Forbidden() => new(403, "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.");

    public static GraphException Unauthenticated(string message) => new(401, "InvalidAuthenticationToken", message);

    public static GraphException MethodNotAllowed() => new(405, "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.");

    public static GraphException SegmentNotFound(string segment) => new(400, "BadRequest",
        $"Resource not found for the segment '{segment}'.");

    public static GraphException InvalidJson() => new(400, "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
}
