using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using Queue.Silo.Engine;
using Queue.Silo.Halls;

namespace Queue.Web.Citizen;

/// <summary>
/// What the citizen pages say when something is refused. A refusal is worded from Refusals*.resx in the visitor's
/// language (<see cref="RefusalWording"/>); a form that was redirected back carries only the refusal's code, which is looked up here.
/// </summary>
public static class CitizenText
{
    /// <summary>The refusal in the visitor's language, for pages that hold only their <c>T</c>: worded like every refusal.</summary>
    public static string Of(IStringLocalizer<Texts> T, HallException e) => RefusalWording.Shared.Of(e);

    /// <summary>The refusal behind <paramref name="code"/>; the hall's own periods where the rule has one (check-in, cancel cut-off).</summary>
    public static string OfCode(IStringLocalizer<Texts> T, string? code, HallSettings settings) => code switch
    {
        null or "" => "",
        "ticket.onePerPhone" => T["您的手机已有该事项的有效号票，请勿重复取号。"],
        "hall.closed" => T["大厅当前不在办公时间，暂停取号。"],
        "slot.full" => T["该时段已约满，请选择其他时段。"],
        "slot.past" => T["该时段已过，请选择其他时段。"],
        "booking.duplicate" => T["您当天已预约过该事项，每人每天每事项限约一次。"],
        "booking.suspended" => T["您近期多次预约未到，暂停预约一段时间，可现场取号办理。"],
        "booking.cutoff" => T["距预约时段开始不足{0}，已不能取消。", Duration(T, settings.BookingCancelCutoffMinutes)],
        "booking.wrongDay" => T["请在预约当天签到。"],
        "booking.tooEarly" => T["还未到签到时间（预约时段前{0}起可签到）。", Duration(T, settings.CheckInEarlyMinutes)],
        "booking.tooLate" => T["预约时段已结束，请现场取号。"],
        "booking.checkedIn" => T["该预约已签到。"],
        "booking.notActive" => T["该预约已取消或已失效。"],
        "booking.changed" => T["该预约刚刚已被处理，请勿重复提交。"],
        "service.notBookable" => T["该事项不开放预约，请现场取号。"],
        "invalid.idNumber" => T["身份证号码无效，请核对（含末位校验码）。"],
        "invalid.phone" => T["请填写11位手机号码。"],
        "invalid.name" => T["请填写姓名。"],
        "invalid.slotStart" => T["请选择预约时段。"],
        "invalid.serviceId" => T["请选择事项。"],
        "invalid.date" => T["只能预约今后几个工作日内的时段。"],
        _ => T["操作未成功，请重试。"],
    };

    /// <summary>A hall setting in minutes as people say it: 2小时 / 2 hours for whole hours, else 90分钟 / 90 minutes.</summary>
    public static string Duration(IStringLocalizer<Texts> T, int minutes) => minutes >= 60 && minutes % 60 == 0
        ? T[minutes == 60 ? "{0}小时|one" : "{0}小时", minutes / 60]
        : T[minutes == 1 ? "{0}分钟|one" : "{0}分钟", minutes];
}
