using Microsoft.Extensions.Localization;
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

    public static MarkupString Labels(IStringLocalizer<Texts> T, IReadOnlyDictionary<string, string> extra)
    {
        var all = new Dictionary<string, string>(Common(T));
        foreach (var (k, v) in extra) all[k] = v;
        return Script("qh-labels", all);
    }

    /// <summary>Names every live page needs: statuses, window states, outcomes, minutes.</summary>
    private static Dictionary<string, string> Common(IStringLocalizer<Texts> T)
    {
        var d = new Dictionary<string, string>
        {
            ["soon"] = T["即将叫号"],
            ["minutes"] = T["约 {0} 分钟"],
            ["waitPaused"] = L.PausedText(T),
            ["waitNoWindow"] = L.NoWindowText(T),
            ["hallNoWindow"] = L.HallNoWindowText(T),
            ["hallUnserved"] = L.UnservedFormat(T),
            ["state.unattended"] = T["暂无人员"],
        };
        foreach (var s in Enum.GetValues<TicketStatus>()) d["status." + Camel(s.ToString())] = L.Of(T, s);
        foreach (var s in Enum.GetValues<WindowState>()) d["state." + Camel(s.ToString())] = L.Of(T, s);
        foreach (var o in Enum.GetValues<TicketOutcome>()) d["outcome." + Camel(o.ToString())] = L.Of(T, o);
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
