using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Faults;

/// <summary>
/// Answers a share of calls with a fault instead of the handler: 503 with Retry-After, 504, a reset connection
/// (top-level requests only), or a slow response (delayed, then served). The $batch envelope and each item roll
/// separately, as a gateway in front of each backend would fail separately.
/// </summary>
internal sealed class FaultStage(FaultOptions options, SeededDice dice) : IRequestStage
{
    public const string ServiceUnavailable = "503";
    public const string GatewayTimeout = "504";
    public const string Reset = "reset";
    public const string Slow = "slow";

    public async ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        var roll = dice.Roll();
        if ((roll -= options.ServiceUnavailableRate) < 0)
        {
            call.Fault = ServiceUnavailable;
            var response = GraphResponse.Error(503, "serviceNotAvailable", "The service is temporarily unavailable. Retry after the interval in the Retry-After header.");
            response.Headers["Retry-After"] = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return response;
        }

        if ((roll -= options.GatewayTimeoutRate) < 0)
        {
            call.Fault = GatewayTimeout;
            return GraphResponse.Error(504, "GatewayTimeout", "The gateway did not receive a response from the service in time.");
        }

        if ((roll -= call.Request.InBatch ? 0 : options.ConnectionResetRate) < 0)
        {
            call.Fault = Reset;
            return GraphResponse.ConnectionReset();
        }

        if ((roll - options.SlowResponseRate) < 0)
        {
            call.Fault = Slow;
            await Task.Delay(options.SlowResponseMs, ct).ConfigureAwait(false);
        }

        return null;
    }
}
