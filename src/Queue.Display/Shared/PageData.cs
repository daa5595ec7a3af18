using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Queue.Silo.Tickets;
using Queue.Silo.Windows;

namespace Queue.Display.Shared;

/// <summary>
/// Hands server data to a page's script: initial state and the page's texts in the visitor's language,
/// as JSON inside a script element (HTML-escaped, so no value can close the element).
/// </summary>
public static class PageData
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static MarkupString Script(string id, object? value) =>
        new($"<script type=\"application/json\" id=\"{id}\">{JsonSerializer.Serialize(value, Options)}</script>");

    public static MarkupString Labels(IReadOnlyDictionary<string, string> extra)
    {
        var all = new Dictionary<string, string>(Common());
        foreach (var (k, v) in extra) all[k] = v;
        return Script("qh-labels", all);
    }

    /// <summary>Names every live page needs: statuses, window states, outcomes, minutes.</summary>
    private static Dictionary<string, string> Common()
    {
        var d = new Dictionary<string, string>
        {
            ["soon"] = L.T("即将叫号", "any moment"),
            ["minutes"] = L.T("约 {0} 分钟", "about {0} min"),
            ["waitPaused"] = L.PausedText,
            ["waitNoWindow"] = L.NoWindowText,
            ["hallNoWindow"] = L.HallNoWindowText,
            ["hallUnserved"] = L.UnservedFormat,
        };
        foreach (var s in Enum.GetValues<TicketStatus>()) d["status." + Camel(s.ToString())] = L.Of(s);
        foreach (var s in Enum.GetValues<WindowState>()) d["state." + Camel(s.ToString())] = L.Of(s);
        foreach (var o in Enum.GetValues<TicketOutcome>()) d["outcome." + Camel(o.ToString())] = L.Of(o);
        return d;
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return o;
    }
}
