using System;
using System.Collections.Generic;
using System.Globalization;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>Shorthand for building a rule's evidence in order, and the one way rules write a time.</summary>
    internal static class Facts
    {
        /// <summary>"2026-12-03 08:59 UTC": minutes are what a help desk reads aloud, UTC what every log shows.</summary>
        public static string Time(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        public static string? Time(DateTimeOffset? time) => time.HasValue ? Time(time.Value) : null;

        /// <summary>"the last hour", "the last 24 hours", "the last 7 days": how far back the logs were read, to the nearest hour.</summary>
        public static string ReadFor(TimeSpan span)
        {
            var hours = Math.Round(span.TotalHours);
            if (hours <= 1)
            {
                return "the last hour";
            }

            return hours < 48
                ? $"the last {hours.ToString(CultureInfo.InvariantCulture)} hours"
                : $"the last {Math.Round(span.TotalDays).ToString(CultureInfo.InvariantCulture)} days";
        }

        public static IDictionary<string, string> Of(params (string Key, string? Value)[] pairs)
        {
            var evidence = new Dictionary<string, string>();
            foreach (var (key, value) in pairs)
            {
                if (value != null)
                {
                    evidence[key] = value;
                }
            }

            return evidence;
        }
    }
}
