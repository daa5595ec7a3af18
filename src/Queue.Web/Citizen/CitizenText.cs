using Queue.Display.Shared;
using Queue.Silo.Engine;
using Queue.Silo.Halls;

namespace Queue.Web.Citizen;

/// <summary>
/// What the citizen pages say when something is refused. Refusals carry "中文。/ English"; a form that was
/// redirected back carries only the refusal's code, which is looked up here.
/// </summary>
public static class CitizenText
{
    public static string Of(HallException e) => Pick(e.Message);

    /// <summary>The part of a bilingual "中文 / English" or "中文。/ English." message in the visitor's language.</summary>
    public static string Pick(string message)
    {
        var cut = message.IndexOf("/ ", StringComparison.Ordinal);
        if (cut < 0) return message;
        return L.English ? message[(cut + 2)..].Trim() : message[..cut].Trim();
    }

    /// <summary>The refusal behind <paramref name="code"/>; the hall's own periods where the rule has one (check-in, cancel cut-off).</summary>
    public static string OfCode(string? code, HallSettings settings) => code switch
    {
        null or "" => "",
        "ticket.onePerPhone" => L.T("您的手机已有该事项的有效号票，请勿重复取号。", "This phone already holds a ticket for this service."),
        "hall.closed" => L.T("大厅当前不在办公时间，暂停取号。", "The hall is closed now."),
        "slot.full" => L.T("该时段已约满，请选择其他时段。", "This slot is fully booked; please pick another."),
        "slot.past" => L.T("该时段已过，请选择其他时段。", "This slot has already begun."),
        "booking.duplicate" => L.T("您当天已预约过该事项，每人每天每事项限约一次。", "You already have a booking for this service that day."),
        "booking.suspended" => L.T("您近期多次预约未到，暂停预约一段时间，可现场取号办理。", "Booking is suspended after repeated no-shows; walk-in tickets remain available."),
        "booking.cutoff" => L.T($"距预约时段开始不足{Duration(settings.BookingCancelCutoffMinutes)}，已不能取消。",
            $"Bookings can be cancelled up to {Duration(settings.BookingCancelCutoffMinutes)} before the slot; it is too late now."),
        "booking.wrongDay" => L.T("请在预约当天签到。", "Check in on the day of the booking."),
        "booking.tooEarly" => L.T($"还未到签到时间（预约时段前{Duration(settings.CheckInEarlyMinutes)}起可签到）。",
            $"Check-in has not opened yet; it opens {Duration(settings.CheckInEarlyMinutes)} before the slot."),
        "booking.tooLate" => L.T("预约时段已结束，请现场取号。", "The slot has ended; please take a ticket."),
        "booking.checkedIn" => L.T("该预约已签到。", "This booking is already checked in."),
        "booking.notActive" => L.T("该预约已取消或已失效。", "This booking is cancelled or expired."),
        "booking.changed" => L.T("该预约刚刚已被处理，请勿重复提交。", "The booking was just changed; please do not submit twice."),
        "service.notBookable" => L.T("该事项不开放预约，请现场取号。", "This service cannot be booked."),
        "invalid.idNumber" => L.T("身份证号码无效，请核对（含末位校验码）。", "The ID number is not valid; please check it."),
        "invalid.phone" => L.T("请填写11位手机号码。", "Please enter an 11-digit mobile number."),
        "invalid.name" => L.T("请填写姓名。", "Please enter your name."),
        "invalid.slotStart" => L.T("请选择预约时段。", "Please pick a slot."),
        "invalid.serviceId" => L.T("请选择事项。", "Please pick a service."),
        "invalid.date" => L.T("只能预约今后几个工作日内的时段。", "Only the next few working days can be booked."),
        _ => L.T("操作未成功，请重试。", "That did not work; please try again."),
    };

    /// <summary>A hall setting in minutes as people say it: 2小时 / 2 hours for whole hours, else 90分钟 / 90 minutes.</summary>
    public static string Duration(int minutes) => minutes >= 60 && minutes % 60 == 0
        ? L.T($"{minutes / 60}小时", minutes == 60 ? "1 hour" : $"{minutes / 60} hours")
        : L.T($"{minutes}分钟", minutes == 1 ? "1 minute" : $"{minutes} minutes");
}
