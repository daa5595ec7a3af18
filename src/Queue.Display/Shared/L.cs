using Microsoft.Extensions.Localization;
using System.Globalization;
using Queue.Silo.Tickets;
using Queue.Silo.Views;
using Queue.Silo.Windows;

namespace Queue.Display.Shared;

/// <summary>
/// Chinese first, English when the visitor chose it (/culture?lang=en). Pages pass both texts side by
/// side, which keeps each screen's wording in one place.
/// </summary>
public static class L
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A name the hall entered: its English form on English pages when it gave one, else the Chinese.</summary>
    public static string Name(string zh, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    /// <summary>A matter's name by id, from the hall's catalog (a ticket carries only the Chinese one).</summary>
    public static string ServiceName(HallDetail? hall, string serviceId, string fallback) =>
        hall?.Services.FirstOrDefault(s => s.Id == serviceId) is { } s ? Name(s.Name, s.NameEn) : fallback;

    public static string Of(IStringLocalizer<Texts> T, TicketStatus s) => s switch
    {
        TicketStatus.Waiting => T["等候中"],
        TicketStatus.Called => T["已叫号"],
        TicketStatus.Serving => T["办理中"],
        TicketStatus.Done => T["已办结|Done"],
        TicketStatus.NoShow => T["已过号"],
        TicketStatus.Cancelled => T["已取消"],
        _ => s.ToString(),
    };

    public static string Of(IStringLocalizer<Texts> T, WindowState s) => s switch
    {
        WindowState.Closed => T["已关闭"], // not 暂停服务: a closed window does not come back shortly
        WindowState.Open => T["空闲"],
        WindowState.Paused => T["暂停|Paused"],
        WindowState.Serving => T["办理中|Serving"],
        _ => s.ToString(),
    };

    public static string Of(IStringLocalizer<Texts> T, TicketOutcome o) => o switch
    {
        TicketOutcome.Done => T["即办"],
        TicketOutcome.Promised => T["承诺件"],
        TicketOutcome.SupplementRequired => T["补办（一次性告知）"],
        TicketOutcome.Rejected => T["退回"],
        _ => o.ToString(),
    };

    public static string Minutes(IStringLocalizer<Texts> T, int? minutes) => minutes switch
    {
        null => "—",
        <= 0 => T["即将叫号"],
        _ => T["约 {0} 分钟", minutes],
    };

    /// <summary>
    /// A service line's wait as a citizen should read it: the estimate while a window offers the service,
    /// otherwise why there is none (a paused window comes back; a closed one may not today). Decision 0077.
    /// </summary>
    public static string Wait(IStringLocalizer<Texts> T, ServiceQueue? q) => q switch
    {
        null => "—",
        { OpenWindows: > 0 } => Minutes(T, q.EstimatedWaitMinutes),
        { PausedWindows: > 0 } => PausedText(T),
        _ => NoWindowText(T),
    };

    /// <summary>
    /// A hall's longest wait, or that no window is open (before opening, after closing, or a hall all closed);
    /// with the people waiting for matters no open window offers, who are in no estimate.
    /// </summary>
    public static string Wait(IStringLocalizer<Texts> T, HallSummary h) => h.OpenWindows == 0 ? HallNoWindowText(T)
        : Minutes(T, h.EstimatedWaitMinutes) + (h.UnservedWaiting > 0 ? Unserved(T, h.UnservedWaiting) : "");

    public static string Unserved(IStringLocalizer<Texts> T, int waiting) => UnservedFormat(T).Replace("{0}", waiting.ToString(CultureInfo.InvariantCulture));

    public static string UnservedFormat(IStringLocalizer<Texts> T) => T[" · {0} 人的事项暂无窗口"];

    /// <summary>
    /// A ticket's wait: its estimate, or — while waiting with none — what its service's line says (窗口暂停中 or
    /// 暂无窗口办理), so the issued ticket reads as the button it was taken from.
    /// </summary>
    public static string TicketWait(IStringLocalizer<Texts> T, TicketView t, ServiceQueue? line) =>
        t is { Status: TicketStatus.Waiting, EstimatedWaitMinutes: null } ? (line is { PausedWindows: > 0 } ? PausedText(T) : NoWindowText(T)) : Minutes(T, t.EstimatedWaitMinutes);

    /// <summary>
    /// Told to a holder whose matter no window is calling right now (none open, or the only ones paused): the
    /// ticket keeps its place, and the estimate (and paging) comes back once a window calls.
    /// </summary>
    public static string NoWindowNotice(IStringLocalizer<Texts> T) => T["目前没有窗口在办理该事项（窗口未开或暂停）。您的号码保留，窗口开始叫号后按顺序叫号，届时显示预计等候时间。"];

    public static string PausedText(IStringLocalizer<Texts> T) => T["窗口暂停中"];

    public static string NoWindowText(IStringLocalizer<Texts> T) => T["暂无窗口办理"];

    public static string HallNoWindowText(IStringLocalizer<Texts> T) => T["暂无窗口开放"];
}
