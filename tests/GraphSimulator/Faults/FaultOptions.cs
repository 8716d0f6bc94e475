using System;
using System.Globalization;

namespace GraphSimulator;

/// <summary>
/// Injected faults: the share of Graph calls (0 to 1 each) answered 503 (with Retry-After), 504, by a reset
/// connection, or slowly. Rolls are reproducible for a given <see cref="SimulatorOptions.Seed"/>.
/// </summary>
public sealed class FaultOptions
{
    public double ServiceUnavailableRate { get; init; }

    public double GatewayTimeoutRate { get; init; }

    /// <summary>Top-level requests only: a $batch item cannot reset the connection its envelope travels on.</summary>
    public double ConnectionResetRate { get; init; }

    public double SlowResponseRate { get; init; }

    /// <summary>Extra delay of a slow response.</summary>
    public int SlowResponseMs { get; init; } = 3_000;

    /// <summary>Retry-After of an injected 503.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    public bool Any => ServiceUnavailableRate + GatewayTimeoutRate + ConnectionResetRate + SlowResponseRate > 0;

    /// <summary>Parses <c>503=0.01,504=0.01,reset=0.005,slow=0.01</c>; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public static FaultOptions Parse(string text, int slowResponseMs = 3_000)
    {
        double s503 = 0, s504 = 0, reset = 0, slow = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                throw new ArgumentException($"--faults: '{part}' must be kind=rate with a rate between 0 and 1.");
            }

            switch (pair[0].ToLowerInvariant())
            {
                case "503": s503 = rate; break;
                case "504": s504 = rate; break;
                case "reset": reset = rate; break;
                case "slow": slow = rate; break;
                default: throw new ArgumentException($"--faults: unknown kind '{pair[0]}' (use 503, 504, reset, slow).");
            }
        }

        if (s503 + s504 + reset + slow > 1)
        {
            throw new ArgumentException("--faults: the rates add up to more than 1.");
        }

        return new FaultOptions
        {
            ServiceUnavailableRate = s503, GatewayTimeoutRate = s504, ConnectionResetRate = reset, SlowResponseRate = slow,
            SlowResponseMs = slowResponseMs,
        };
    }
}
