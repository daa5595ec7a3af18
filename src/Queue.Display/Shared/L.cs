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

    public static string T(string zh, string en) => English ? en : zh;

    public static string Of(TicketStatus s) => s switch
    {
        TicketStatus.Waiting => T("等候中", "Waiting"),
        TicketStatus.Called => T("已叫号", "Called"),
        TicketStatus.Serving => T("办理中", "Being served"),
        TicketStatus.Done => T("已办结", "Done"),
        TicketStatus.NoShow => T("已过号", "Missed"),
        TicketStatus.Cancelled => T("已取消", "Cancelled"),
        _ => s.ToString(),
    };

    public static string Of(WindowState s) => s switch
    {
        WindowState.Closed => T("已关闭", "Closed"), // not 暂停服务: a closed window does not come back shortly
        WindowState.Open => T("空闲", "Open"),
        WindowState.Paused => T("暂停", "Paused"),
        WindowState.Serving => T("办理中", "Serving"),
        _ => s.ToString(),
    };

    public static string Of(TicketOutcome o) => o switch
    {
        TicketOutcome.Done => T("即办", "Done"),
        TicketOutcome.Promised => T("承诺件", "Promised"),
        TicketOutcome.SupplementRequired => T("补办（一次性告知）", "Supplement required"),
        TicketOutcome.Rejected => T("退回", "Rejected"),
        _ => o.ToString(),
    };

    public static string Minutes(int? minutes) => minutes switch
    {
        null => "—",
        <= 0 => T("即将叫号", "any moment"),
        _ => T($"约 {minutes} 分钟", $"about {minutes} min"),
    };

    /// <summary>
    /// A service line's wait as a citizen should read it: the estimate while a window offers the service,
    /// otherwise why there is none (a paused window comes back; a closed one may not today). Decision 0077.
    /// </summary>
    public static string Wait(ServiceQueue? q) => q switch
    {
        null => "—",
        { OpenWindows: > 0 } => Minutes(q.EstimatedWaitMinutes),
        { PausedWindows: > 0 } => PausedText,
        _ => NoWindowText,
    };

    /// <summary>
    /// A hall's longest wait, or that no window is open (before opening, after closing, or a hall all closed);
    /// with the people waiting for matters no open window offers, who are in no estimate.
    /// </summary>
    public static string Wait(HallSummary h) => h.OpenWindows == 0 ? HallNoWindowText
        : Minutes(h.EstimatedWaitMinutes) + (h.UnservedWaiting > 0 ? Unserved(h.UnservedWaiting) : "");

    public static string Unserved(int waiting) => UnservedFormat.Replace("{0}", waiting.ToString(CultureInfo.InvariantCulture));

    public static string UnservedFormat => T(" · {0} 人的事项暂无窗口", " · no window for {0} waiting");

    /// <summary>
    /// A ticket's wait: its estimate, or — while waiting with none — what its service's line says (窗口暂停中 or
    /// 暂无窗口办理), so the issued ticket reads as the button it was taken from.
    /// </summary>
    public static string TicketWait(TicketView t, ServiceQueue? line) =>
        t is { Status: TicketStatus.Waiting, EstimatedWaitMinutes: null } ? (line is { PausedWindows: > 0 } ? PausedText : NoWindowText) : Minutes(t.EstimatedWaitMinutes);

    /// <summary>
    /// Told to a holder whose matter no window is calling right now (none open, or the only ones paused): the
    /// ticket keeps its place, and the estimate (and paging) comes back once a window calls.
    /// </summary>
    public static string NoWindowNotice => T("目前没有窗口在办理该事项（窗口未开或暂停）。您的号码保留，窗口开始叫号后按顺序叫号，届时显示预计等候时间。",
        "No window is calling for this matter right now (none open, or paused). Your place is kept; once a window calls you are called in turn and the estimate appears.");

    public static string PausedText => T("窗口暂停中", "window paused");

    public static string NoWindowText => T("暂无窗口办理", "no window open");

    public static string HallNoWindowText => T("暂无窗口开放", "no window open");
}
