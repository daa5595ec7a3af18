using System.Text.RegularExpressions;
using Queue.Silo.Halls;

namespace Queue.Web.Admin;

/// <summary>The rules of a hall's fields and settings, shared by the API and the /admin page.</summary>
public static partial class HallFields
{
    public static HallProfile Check(FieldErrors errors, string? name, HallLevel? level, string? parentId, string? regionCode, string? address, HallSettings? settings)
    {
        var n = errors.Text(name, "name", 200, required: true) ?? "";
        if (level is null) errors.Add("level", "invalid.level.required");
        else if (!Enum.IsDefined(level.Value)) errors.Add("level", "invalid.level.hall");
        var parent = errors.Id(parentId, "parentId");
        var region = errors.Text(regionCode, "regionCode", 12, required: true) ?? "";
        // 行政区划代码: six digits (county level), or twelve (township and village, 统计用区划代码).
        if (region.Length > 0 && !RegionPattern().IsMatch(region)) errors.Add("regionCode", "invalid.regionCode.digits");
        var s = settings ?? new HallSettings();
        errors.Range<int>(s.TargetWaitMinutes, "settings.targetWaitMinutes", 1, 240);
        errors.Range<int>(s.MaxRecalls, "settings.maxRecalls", 0, 10);
        errors.Range<int>(s.CallAnnouncementRepeats, "settings.callAnnouncementRepeats", 1, 5);
        errors.Range<int>(s.PageWhenPlacesAhead, "settings.pageWhenPlacesAhead", 0, 50);
        errors.Range<int>(s.PageWhenMinutesAway, "settings.pageWhenMinutesAway", 0, 120);
        if (s.ClosesAt <= s.OpensAt) errors.Add("settings.closesAt", "invalid.closesAt.beforeOpens");
        errors.Range<int>(s.BadReviewDeadlineWorkingDays, "settings.badReviewDeadlineWorkingDays", 1, 60);
        errors.Range<int>(s.PresenceGraceMinutes, "settings.presenceGraceMinutes", 0, 240);
        errors.Range<double>(s.BookableShare, "settings.bookableShare", 0, 1);
        errors.Range<int>(s.BookingDaysAhead, "settings.bookingDaysAhead", 1, 60);
        errors.Range<int>(s.BookingSlotMinutes, "settings.bookingSlotMinutes", 5, 240);
        errors.Range<int>(s.BookingCancelCutoffMinutes, "settings.bookingCancelCutoffMinutes", 0, 1440);
        errors.Range<int>(s.CheckInEarlyMinutes, "settings.checkInEarlyMinutes", 0, 240);
        errors.Range<int>(s.NoShowLimit, "settings.noShowLimit", 1, 50);
        errors.Range<int>(s.NoShowPeriodDays, "settings.noShowPeriodDays", 1, 365);
        errors.Range<int>(s.BookingBanDays, "settings.bookingBanDays", 0, 365);
        return new HallProfile(n, level ?? HallLevel.City, parent, region, errors.Text(address, "address", 300) ?? "", s);
    }

    [GeneratedRegex(@"^(\d{6}|\d{12})$")]
    private static partial Regex RegionPattern();
}
