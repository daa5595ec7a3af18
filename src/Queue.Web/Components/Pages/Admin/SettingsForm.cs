using Queue.Silo.Halls;

namespace Queue.Web.Components.Pages.Admin;

/// <summary>The hall settings the /admin form edits, as typed; <see cref="Apply"/> gives them back to the hall.</summary>
public sealed class SettingsForm
{
    public int TargetWait { get; set; }
    public int MaxRecalls { get; set; }
    public int Repeats { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public int CaseDays { get; set; }
    public double BookableShare { get; set; }
    public int DaysAhead { get; set; }
    public int SlotMinutes { get; set; }
    public int Grace { get; set; }

    public static SettingsForm Of(HallSettings s) => new()
    {
        TargetWait = s.TargetWaitMinutes, MaxRecalls = s.MaxRecalls, Repeats = s.CallAnnouncementRepeats, Opens = s.OpensAt, Closes = s.ClosesAt,
        CaseDays = s.BadReviewDeadlineWorkingDays, BookableShare = s.BookableShare, DaysAhead = s.BookingDaysAhead, SlotMinutes = s.BookingSlotMinutes, Grace = s.PresenceGraceMinutes,
    };

    public HallSettings Apply(HallSettings s) => s with
    {
        TargetWaitMinutes = TargetWait, MaxRecalls = MaxRecalls, CallAnnouncementRepeats = Repeats, OpensAt = Opens, ClosesAt = Closes,
        BadReviewDeadlineWorkingDays = CaseDays, BookableShare = BookableShare, BookingDaysAhead = DaysAhead, BookingSlotMinutes = SlotMinutes, PresenceGraceMinutes = Grace,
    };
}
