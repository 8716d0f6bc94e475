using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.LogAnalytics
{
    /// <summary>
    /// The primary table of a Log Analytics query reply ({"tables":[{"name","columns":[{"name","type"}],"rows"}]}),
    /// read by column name. Dynamic columns arrive as JSON text (or as arrays), both are accepted.
    /// </summary>
    internal sealed class LogAnalyticsTable
    {
        private readonly Dictionary<string, int> _columns;
        private readonly List<JsonElement[]> _rows;

        private LogAnalyticsTable(Dictionary<string, int> columns, List<JsonElement[]> rows)
        {
            _columns = columns;
            _rows = rows;
        }

        public int Count => _rows.Count;

        public IEnumerable<LogAnalyticsRow> Rows => _rows.Select(r => new LogAnalyticsRow(this, r));

        public static LogAnalyticsTable Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var table = document.RootElement.GetProperty("tables").EnumerateArray().First();
            var columns = table.GetProperty("columns").EnumerateArray()
                .Select((c, i) => (Name: c.GetProperty("name").GetString()!, Index: i))
                .ToDictionary(c => c.Name, c => c.Index, StringComparer.OrdinalIgnoreCase);
            var rows = table.GetProperty("rows").EnumerateArray()
                .Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray())
                .ToList();
            return new LogAnalyticsTable(columns, rows);
        }

        internal JsonElement Cell(JsonElement[] row, string column) =>
            _columns.TryGetValue(column, out var index) && index < row.Length
                ? row[index]
                : throw new FormatException($"The Log Analytics reply has no column '{column}'.");
    }

    /// <summary>One row of a <see cref="LogAnalyticsTable"/>.</summary>
    internal readonly struct LogAnalyticsRow
    {
        private readonly LogAnalyticsTable _table;
        private readonly JsonElement[] _cells;

        public LogAnalyticsRow(LogAnalyticsTable table, JsonElement[] cells)
        {
            _table = table;
            _cells = cells;
        }

        public string? String(string column)
        {
            var cell = _table.Cell(_cells, column);
            return cell.ValueKind == JsonValueKind.Null ? null : cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.GetRawText();
        }

        public int Int(string column)
        {
            var cell = _table.Cell(_cells, column);
            return cell.ValueKind == JsonValueKind.Number ? cell.GetInt32() : int.Parse(cell.GetString()!, CultureInfo.InvariantCulture);
        }

        public bool Bool(string column)
        {
            var cell = _table.Cell(_cells, column);
            return cell.ValueKind == JsonValueKind.True || (cell.ValueKind == JsonValueKind.String && bool.Parse(cell.GetString()!));
        }

        public DateTimeOffset Time(string column) =>
            DateTimeOffset.Parse(String(column)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public IReadOnlyList<string> Strings(string column)
        {
            var cell = _table.Cell(_cells, column);
            if (cell.ValueKind == JsonValueKind.String)
            {
                var text = cell.GetString()!;
                if (text.Length == 0)
                {
                    return Array.Empty<string>();
                }

                using var parsed = JsonDocument.Parse(text);
                return Items(parsed.RootElement);
            }

            return Items(cell);
        }

        private static IReadOnlyList<string> Items(JsonElement array) =>
            array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();
    }
}
