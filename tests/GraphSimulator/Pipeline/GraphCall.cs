using System;
using System.Collections.Generic;
using GraphSimulator.Routing;

namespace GraphSimulator.Pipeline;

/// <summary>The state of one call as it moves through the pipeline's stages.</summary>
internal sealed class GraphCall(GraphRequest request, RequestPipeline pipeline)
{
    public GraphRequest Request { get; } = request;

    public RequestPipeline Pipeline { get; } = pipeline;

    /// <summary>Set by the authentication stage.</summary>
    public Caller? Caller { get; set; }

    /// <summary>Set by the routing stage.</summary>
    public Route? Route { get; set; }

    public IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>();

    /// <summary>Set by the throttling stage: the budget, the units and whether it refused the call.</summary>
    public Throttling.CallCharge? Charge { get; set; }

    /// <summary>Set by the fault stage when it injected a fault (<see cref="Faults.FaultStage.Kinds"/>).</summary>
    public string? Fault { get; set; }

    /// <summary>Set by the fault stage when the response is to be served damaged.</summary>
    public Faults.BodyFault BodyFault { get; set; }

    /// <summary>Headers a stage adds to whatever response the call gets (x-ms-resource-unit).</summary>
    public Dictionary<string, string> ResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// One step of the request pipeline. A stage returns a response to answer the call itself (401, 403, a throttled
/// 429, an injected fault …) or null to pass the call on. The order is fixed by <see cref="SimulatorHost"/>:
/// authentication → routing → permission → throttling → fault injection → handler; the pipeline logs every call.
/// </summary>
internal interface IRequestStage
{
    System.Threading.Tasks.ValueTask<GraphResponse?> InvokeAsync(GraphCall call, System.Threading.CancellationToken ct);
}
