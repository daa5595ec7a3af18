using System.Globalization;
using Queue.Silo.Tickets;
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
        WindowState.Closed => T("暂停服务", "Closed"),
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
}
