using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Faults;

/// <summary>
/// Answers a share of calls with a fault instead of the handler (429 with or without Retry-After, 503 with
/// Retry-After, 504, a reset connection), delays some (slow), and marks some to be served with a damaged body (an HTML
/// page, a cut-off body, a $batch item left out or rewritten). The $batch envelope and each item roll separately, as
/// a gateway in front of each backend would fail separately.
/// </summary>
internal sealed class FaultStage(FaultOptions options, SeededDice dice) : IRequestStage
{
    public const string Throttled = "429";
    public const string ThrottledWithoutRetryAfter = "429-no-retry-after";
    public const string ServiceUnavailable = "503";
    public const string GatewayTimeout = "504";
    public const string Reset = "reset";
    public const string Slow = "slow";
    public const string Html = "html";
    public const string Truncated = "truncated";
    public const string Dropped = "drop";
    public const string Rewritten = "rewrite";

    public static readonly string[] Kinds = [Throttled, ThrottledWithoutRetryAfter, ServiceUnavailable, GatewayTimeout, Reset, Slow, Html, Truncated, Dropped, Rewritten];

    public async ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        var topLevel = !call.Request.InBatch;
        var roll = dice.Roll();
        if ((roll -= options.ThrottledRate) < 0)
        {
            call.Fault = Throttled;
            return WithRetryAfter(GraphResponse.Error(429, "TooManyRequests", "Too many requests; retry after the interval in the Retry-After header."));
        }

        if ((roll -= options.ThrottledWithoutRetryAfterRate) < 0)
        {
            call.Fault = ThrottledWithoutRetryAfter;
            return GraphResponse.Error(429, "TooManyRequests", "Too many requests.");
        }

        if ((roll -= options.ServiceUnavailableRate) < 0)
        {
            call.Fault = ServiceUnavailable;
            return WithRetryAfter(GraphResponse.Error(503, "serviceNotAvailable", "The service is temporarily unavailable. Retry after the interval in the Retry-After header."));
        }

        if ((roll -= options.GatewayTimeoutRate) < 0)
        {
            call.Fault = GatewayTimeout;
            return GraphResponse.Error(504, "GatewayTimeout", "The gateway did not receive a response from the service in time.");
        }

        if ((roll -= topLevel ? options.ConnectionResetRate : 0) < 0)
        {
            call.Fault = Reset;
            return GraphResponse.ConnectionReset();
        }

        if ((roll -= options.SlowResponseRate) < 0)
        {
            call.Fault = Slow;
            await Task.Delay(options.SlowResponseMs, ct).ConfigureAwait(false);
            return null;
        }

        var damage =
            (roll -= topLevel ? options.HtmlBodyRate : 0) < 0 ? BodyFault.Html
            : (roll -= topLevel ? options.TruncatedBodyRate : 0) < 0 ? BodyFault.Truncated
            : (roll -= topLevel ? 0 : options.DroppedItemRate) < 0 ? BodyFault.Dropped
            : (roll - (topLevel ? 0 : options.RewrittenItemRate)) < 0 ? BodyFault.Rewritten
            : BodyFault.None;
        if (damage != BodyFault.None)
        {
            call.BodyFault = damage;
            call.Fault = damage switch
            {
                BodyFault.Html => Html,
                BodyFault.Truncated => Truncated,
                BodyFault.Dropped => Dropped,
                _ => Rewritten,
            };
        }

        return null;
    }

    private GraphResponse WithRetryAfter(GraphResponse response)
    {
        response.Headers["Retry-After"] = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return response;
    }
}
