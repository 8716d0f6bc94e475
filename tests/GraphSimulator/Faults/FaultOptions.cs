using System;
using System.Globalization;
using GraphSimulator.Faults;

namespace GraphSimulator;

/// <summary>
/// Injected faults: the share of Graph calls (0 to 1 each) answered by a fault instead of the service, or served
/// with a damaged body. Rolls are reproducible for a given <see cref="SimulatorOptions.Seed"/>. Some kinds only make
/// sense for top-level requests (a reset, a body that is not JSON) or only for $batch items (left out of the reply,
/// rewritten); the other calls never get them.
/// </summary>
public sealed class FaultOptions
{
    public double ThrottledRate { get; init; }

    public double ThrottledWithoutRetryAfterRate { get; init; }

    public double ServiceUnavailableRate { get; init; }

    public double GatewayTimeoutRate { get; init; }

    /// <summary>Top-level requests only: a $batch item cannot reset the connection its envelope travels on.</summary>
    public double ConnectionResetRate { get; init; }

    public double SlowResponseRate { get; init; }

    /// <summary>Top-level requests only: served with an HTML page (as a proxy's error page) instead of the JSON body.</summary>
    public double HtmlBodyRate { get; init; }

    /// <summary>Top-level requests only: the JSON body is cut off half way.</summary>
    public double TruncatedBodyRate { get; init; }

    /// <summary>$batch items only: the item's response is left out of the reply.</summary>
    public double DroppedItemRate { get; init; }

    /// <summary>$batch items only: the item's body is replaced by text that is not the resource.</summary>
    public double RewrittenItemRate { get; init; }

    /// <summary>Extra delay of a slow response.</summary>
    public int SlowResponseMs { get; init; } = 3_000;

    /// <summary>Retry-After of an injected 503 or 429.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    public bool Any => Total > 0;

    private double Total =>
        ThrottledRate + ThrottledWithoutRetryAfterRate + ServiceUnavailableRate + GatewayTimeoutRate + ConnectionResetRate
        + SlowResponseRate + HtmlBodyRate + TruncatedBodyRate + DroppedItemRate + RewrittenItemRate;

    /// <summary>
    /// Parses <c>429=0.01,503=0.01,504=0.01,reset=0.005,slow=0.01,html=0.01,…</c>; throws
    /// <see cref="ArgumentException"/> naming the bad part.
    /// </summary>
    public static FaultOptions Parse(string text, int slowResponseMs = 3_000)
    {
        double throttled = 0, bare = 0, s503 = 0, s504 = 0, reset = 0, slow = 0, html = 0, truncated = 0, drop = 0, rewrite = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                throw new ArgumentException($"--faults: '{part}' must be kind=rate with a rate between 0 and 1.");
            }

            switch (pair[0].ToLowerInvariant())
            {
                case FaultStage.Throttled: throttled = rate; break;
                case FaultStage.ThrottledWithoutRetryAfter: bare = rate; break;
                case FaultStage.ServiceUnavailable: s503 = rate; break;
                case FaultStage.GatewayTimeout: s504 = rate; break;
                case FaultStage.Reset: reset = rate; break;
                case FaultStage.Slow: slow = rate; break;
                case FaultStage.Html: html = rate; break;
                case FaultStage.Truncated: truncated = rate; break;
                case FaultStage.Dropped: drop = rate; break;
                case FaultStage.Rewritten: rewrite = rate; break;
                default:
                    throw new ArgumentException($"--faults: unknown kind '{pair[0]}' (use {string.Join(", ", FaultStage.Kinds)}).");
            }
        }

        var options = new FaultOptions
        {
            ThrottledRate = throttled, ThrottledWithoutRetryAfterRate = bare, ServiceUnavailableRate = s503, GatewayTimeoutRate = s504,
            ConnectionResetRate = reset, SlowResponseRate = slow, HtmlBodyRate = html, TruncatedBodyRate = truncated,
            DroppedItemRate = drop, RewrittenItemRate = rewrite, SlowResponseMs = slowResponseMs,
        };
        if (options.Total > 1)
        {
            throw new ArgumentException("--faults: the rates add up to more than 1.");
        }

        return options;
    }
}
