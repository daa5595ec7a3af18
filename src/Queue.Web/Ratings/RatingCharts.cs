using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Queue.Web.Ratings;

/// <summary>
/// Rankings as inline SVG rendered on the server: the public results page is static (no circuit per citizen) and
/// needs no script. The console's trend moved to Radzen (<c>RatingTrendChart</c>, decision 0087).
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

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
