using System;

namespace GraphSimulator.Generation;

/// <summary>Random-looking but reproducible ids and times for generated objects.</summary>
internal static class SeededIds
{
    /// <summary>A version-4-shaped GUID from the seeded generator.</summary>
    public static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString();
    }

    /// <summary>A relative time the tenant loader resolves against the simulator clock ("@now-90m").</summary>
    public static string MinutesAgo(int minutes) => minutes <= 0 ? "@now" : $"@now-{minutes}m";

    public static string DaysAgo(int days) => days <= 0 ? "@now" : $"@now-{days}d";
}
