using System;
using System.Globalization;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>How pass times read in messages: UTC, to the minute, the same on every machine.</summary>
    internal static class TapTimes
    {
        public static string Format(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }
}
