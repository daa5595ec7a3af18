using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Queue.Web.Ratings;

/// <summary>
/// Charts as inline SVG rendered on the server: the console and the public page need no script to show
/// trends and rankings, and what is printed is what was computed.
/// </summary>
public static class RatingCharts
{
    /// <summary>Horizontal bars, best first, each labelled with its value.</summary>
    public static MarkupString Ranking(IReadOnlyList<(string Label, double? Value)> items, double max, string format, string title)
    {
        const int rowHeight = 26, labelWidth = 170, barWidth = 360;
        var height = Math.Max(1, items.Count) * rowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart ranking\" role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 70} {height}\" width=\"100%\"><title>{Esc(title)}</title>");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 4 + i * rowHeight;
            var w = value is { } v && max > 0 ? Math.Max(1, v / max * barWidth) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"label\">{Esc(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" rx=\"3\" class=\"bar\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 17}\" class=\"value\">{(value is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—")}</text>");
        }
        svg.Append("</svg>");
        return new MarkupString(svg.ToString());
    }

    /// <summary>Columns per period (ratings count) with a line for the satisfaction rate (0…100 %).</summary>
    public static MarkupString Trend(IReadOnlyList<(string Label, int Count, double? Rate)> periods, string title)
    {
        const int width = 560, height = 200, left = 40, bottom = 30, top = 12;
        var plotW = width - left - 10;
        var plotH = height - bottom - top;
        var maxCount = Math.Max(1, periods.Count == 0 ? 1 : periods.Max(p => p.Count));
        var step = periods.Count == 0 ? plotW : (double)plotW / periods.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"100%\"><title>{Esc(title)}</title>");
        foreach (var pct in new[] { 0, 50, 100 })
        {
            var y = top + plotH - pct / 100.0 * plotH;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/><text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{pct}%</text>");
        }
        var points = new List<string>();
        for (var i = 0; i < periods.Count; i++)
        {
            var (label, count, rate) = periods[i];
            var x = left + i * step;
            var h = (double)count / maxCount * plotH * 0.9;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + step * 0.2:0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{step * 0.6:0.#}\" height=\"{h:0.#}\" class=\"column\"><title>{count}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + step / 2:0.#}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"axis\">{Esc(label)}</text>");
            if (rate is { } r)
            {
                var px = x + step / 2;
                var py = top + plotH - r * plotH;
                points.Add(string.Create(CultureInfo.InvariantCulture, $"{px:0.#},{py:0.#}"));
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{px:0.#}\" cy=\"{py:0.#}\" r=\"4\" class=\"dot\"><title>{r:P1}</title></circle>");
            }
        }
        if (points.Count > 1) svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" class=\"line\"/>");
        svg.Append("</svg>");
        return new MarkupString(svg.ToString());
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
