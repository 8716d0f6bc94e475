using System;
using System.Globalization;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// The time window of a failure report, in whole seconds: the last N days, or an explicit range. At most 30 days
    /// long (Entra keeps audit events for 30 days at most; product.md §8).
    /// </summary>
    internal sealed class ReportWindow
    {
        public const int MaxDays = 30;

        private ReportWindow(DateTimeOffset since, DateTimeOffset until, int? lastDays)
        {
            Since = since;
            Until = until;
            LastDays = lastDays;
        }

        public DateTimeOffset Since { get; }

        public DateTimeOffset Until { get; }

        /// <summary>N for "the last N days" (KQL then says ago(Nd)); null for an explicit range.</summary>
        public int? LastDays { get; }

        public bool IsEmpty => Until <= Since;

        public static ReportWindow LastDaysBefore(int days, DateTimeOffset now)
        {
            if (days < 1 || days > MaxDays)
            {
                throw Invalid("WindowTooWide", $"-Days must be between 1 and {MaxDays}; {days} was given.", days.ToString(CultureInfo.InvariantCulture));
            }

            var until = Ceiling(now);
            return new ReportWindow(until.AddDays(-days), until, days);
        }

        public static ReportWindow Between(DateTimeOffset since, DateTimeOffset? until, DateTimeOffset now)
        {
            var start = Floor(since.ToUniversalTime());
            var end = Ceiling((until ?? now).ToUniversalTime());
            if (start >= Ceiling(now))
            {
                throw Invalid("WindowInvalid", $"-Since ({Text(start)}) is in the future.", Text(start));
            }

            if (end <= start)
            {
                throw Invalid("WindowInvalid", $"-Until ({Text(end)}) must be after -Since ({Text(start)}).", Text(end));
            }

            if (end - start > TimeSpan.FromDays(MaxDays))
            {
                throw Invalid(
                    "WindowTooWide",
                    $"The window from {Text(start)} to {Text(end)} is {(end - start).TotalDays:0.#} days long; the report covers at most {MaxDays} days, the longest Entra keeps audit events.",
                    $"{Text(start)}..{Text(end)}");
            }

            return new ReportWindow(start, end, null);
        }

        /// <summary>The part of the window the log still holds when it keeps <paramref name="days"/> days; may be empty.</summary>
        public ReportWindow Retained(int days, DateTimeOffset now)
        {
            var oldest = Floor(now).AddDays(-days);
            return Since >= oldest ? this : new ReportWindow(oldest, Until, null);
        }

        public static string Text(DateTimeOffset value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public override string ToString() => $"{Text(Since)} to {Text(Until)}";

        private static DateTimeOffset Floor(DateTimeOffset value) =>
            new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        private static DateTimeOffset Ceiling(DateTimeOffset value)
        {
            var floor = Floor(value);
            return floor.UtcTicks == value.UtcTicks ? floor : floor.AddSeconds(1);
        }

        private static EntraPasskeyException Invalid(string errorId, string message, string target) =>
            new EntraPasskeyException(
                errorId, ErrorKind.InvalidArgument, message,
                $"Use -Days 1 to {MaxDays}, or -Since/-Until at most {MaxDays} days apart and not in the future.", target);
    }
}
