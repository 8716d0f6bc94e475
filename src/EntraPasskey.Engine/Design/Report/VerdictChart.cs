using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraPasskey.Engine.Design.Report
{
    /// <summary>
    /// Verdicts by deciding layer and by owner queue as inline SVG: one stacked bar per layer (Blocked, AtRisk,
    /// Unknown), a Ready bar, and one bar per queue. Every bar carries its count as text and as data attributes.
    /// </summary>
    internal static class VerdictChart
    {
        private const int Width = 1000;
        private const int LabelWidth = 360;
        private const int BarWidth = 560;
        private const int RowHeight = 34;
        private const int BarHeight = 20;

        private static readonly (Verdict Verdict, string Colour)[] Segments =
        {
            (Verdict.Blocked, "var(--blocked)"), (Verdict.AtRisk, "var(--atrisk)"), (Verdict.Unknown, "var(--unknownv)"),
        };

        public static string Render(VerdictTally tally)
        {
            var rows = new List<(string Label, string Key, IReadOnlyList<(Verdict? Verdict, string Colour, int Count)> Parts)>();
            for (var layer = 1; layer <= LayerCatalog.Count; layer++)
            {
                var parts = Segments.Select(s => ((Verdict?)s.Verdict, s.Colour, tally.Count(layer, s.Verdict))).ToList();
                var owner = LayerCatalog.OwnerOf((PasskeyLayer)layer);
                rows.Add(($"{layer}  {LayerCatalog.NameOf((PasskeyLayer)layer)} · {owner}", layer.ToString(System.Globalization.CultureInfo.InvariantCulture), parts));
            }

            if (tally.CountAt(0) > 0)
            {
                rows.Add(("No layer named", "0", Segments.Select(s => ((Verdict?)s.Verdict, s.Colour, tally.Count(0, s.Verdict))).ToList()));
            }

            rows.Add(("Ready", "ready", new[] { ((Verdict?)Verdict.Ready, "var(--ready)", tally.Ready) }));
            var queues = new[] { OwnerQueue.IdentityTeam, OwnerQueue.User, OwnerQueue.Endpoint };
            var max = Math.Max(1, Math.Max(rows.Max(r => r.Parts.Sum(p => p.Count)), queues.Max(q => tally.CountFor(q))));

            var svg = new StringBuilder();
            var height = (rows.Count + queues.Length + 2) * RowHeight + 10;
            svg.Append($"<svg viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Verdicts by layer and owner queue\" xmlns=\"http://www.w3.org/2000/svg\">");
            var y = 0;
            svg.Append(Heading("By the layer that decided the verdict", y));
            y += RowHeight;
            foreach (var (label, key, parts) in rows)
            {
                svg.Append(Row(label, $"data-layer=\"{key}\"", parts, max, y));
                y += RowHeight;
            }

            y += 6;
            svg.Append(Heading("By owner queue (verdicts other than Ready)", y));
            y += RowHeight;
            foreach (var queue in queues)
            {
                svg.Append(Row(queue.ToString(), $"data-owner=\"{queue}\"", new[] { ((Verdict?)null, "#164e86", tally.CountFor(queue)) }, max, y));
                y += RowHeight;
            }

            svg.Append("</svg>");
            return svg.ToString();
        }

        private static string Heading(string text, int y) =>
            $"<text x=\"0\" y=\"{y + 22}\" font-size=\"14\" font-weight=\"600\" fill=\"var(--ink)\">{Html.Text(text)}</text>";

        private static string Row(string label, string key, IReadOnlyList<(Verdict? Verdict, string Colour, int Count)> parts, int max, int y)
        {
            var row = new StringBuilder();
            var total = parts.Sum(p => p.Count);
            row.Append($"<g class=\"bar\" {key} data-count=\"{total}\">");
            row.Append($"<text x=\"0\" y=\"{y + 21}\" font-size=\"13\" fill=\"var(--ink)\">{Html.Text(label)}</text>");
            row.Append($"<rect x=\"{LabelWidth}\" y=\"{y + 6}\" width=\"{BarWidth}\" height=\"{BarHeight}\" fill=\"var(--wash)\" rx=\"3\"/>");
            double x = LabelWidth;
            foreach (var (verdict, colour, count) in parts.Where(p => p.Count > 0))
            {
                var width = BarWidth * (double)count / max;
                var name = verdict?.ToString();
                row.Append($"<rect x=\"{Html.Number(x)}\" y=\"{y + 6}\" width=\"{Html.Number(width)}\" height=\"{BarHeight}\" fill=\"{colour}\"{(name == null ? string.Empty : $" data-verdict=\"{name}\"")} data-count=\"{count}\"><title>{name ?? "Verdicts"}: {count}</title></rect>");
                x += width;
            }

            row.Append($"<text x=\"{LabelWidth + BarWidth + 12}\" y=\"{y + 21}\" font-size=\"13\" font-weight=\"600\" fill=\"var(--ink)\" class=\"count\">{Html.Number(total)}</text>");
            row.Append("</g>");
            return row.ToString();
        }
    }
}
