using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GraphSimulator.Pipeline;

/// <summary>
/// Runs a Graph call through the stages, turns <see cref="GraphException"/>s into Graph error responses, stamps the
/// correlation headers and logs the call. Top-level requests and $batch items both come through here.
/// </summary>
internal sealed class RequestPipeline(IReadOnlyList<IRequestStage> stages, RequestLog log, Throttling.SimulatorStats stats, TimeProvider clock)
{
    public async Task<GraphResponse> ExecuteAsync(GraphRequest request, CancellationToken ct)
    {
        var arrived = clock.GetUtcNow();
        var call = new GraphCall(request, this);
        GraphResponse? response = null;
        try
        {
            foreach (var stage in stages)
            {
                response = await stage.InvokeAsync(call, ct).ConfigureAwait(false);
                if (response is not null)
                {
                    break;
                }
            }

            if (response is null)
            {
                throw new InvalidOperationException("No stage answered the call.");
            }
        }
        catch (GraphException e)
        {
            response = e.ToResponse();
        }
        catch (OperationCanceledException) when (call.Fault is not null)
        {
            // The caller hung up during an injected fault (a slow reply it gave up on): the fault still happened.
            stats.Record(request.InBatch, call.Charge, call.Fault);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            response = GraphResponse.Error(500, "generalException", $"The simulator failed: {e.GetType().Name}: {e.Message}");
        }

        foreach (var (name, value) in call.ResponseHeaders)
        {
            response.Headers.TryAdd(name, value);
        }

        response.Stamp(request, clock.GetUtcNow());
        response.BodyFault = call.BodyFault;
        var charge = call.Charge;
        log.Add(new RequestLogEntry(
            arrived,
            request.RequestId,
            request.Method,
            request.LogPath,
            response.Status,
            request.InBatch,
            request.BatchRequestId,
            call.Caller?.AppId,
            charge?.Budget,
            charge?.Units ?? 0,
            charge?.Throttled ?? false,
            response.Headers.TryGetValue("Retry-After", out var retryAfter) && int.TryParse(retryAfter, out var seconds) ? seconds : null,
            call.Fault));
        stats.Record(request.InBatch, charge, call.Fault);
        return response;
    }
}
