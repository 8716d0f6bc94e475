using System.Threading;

namespace GraphSimulator.Faults;

/// <summary>
/// Reproducible random numbers without a lock: the n-th roll is a hash of (seed, n), so the same seed and the same
/// order of calls give the same faults and delays.
/// </summary>
internal sealed class SeededDice(int seed, ulong stream)
{
    private long _rolls;

    /// <summary>A number in [0, 1).</summary>
    public double Roll()
    {
        var n = (ulong)Interlocked.Increment(ref _rolls);
        var x = unchecked(((ulong)(uint)seed << 32) ^ (stream * 0xD1B54A32D192ED03UL) ^ (n * 0x9E3779B97F4A7C15UL));
        return (Mix(x) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A whole number in [0, max].</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(Roll() * (max + 1));

    // SplitMix64's finaliser: spreads consecutive inputs over the whole range.
    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
