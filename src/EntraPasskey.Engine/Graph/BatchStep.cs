using Microsoft.Kiota.Abstractions;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>One request to send inside a $batch.</summary>
    internal sealed record BatchStep(string Id, RequestInformation Request);
}
