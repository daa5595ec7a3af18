using Microsoft.Extensions.Localization;
using Queue.Display.Shared;

namespace Queue.Web.Citizen;

/// <summary>
/// Words of the citizen pages that are not a fixed text. Refusals are worded by <see cref="RefusalWording"/> and, after a
/// form's redirect, by <see cref="FormRefusal"/>.
/// </summary>
public static class CitizenText
{
    /// <summary>A hall setting in minutes as people say it: 2小时 / 2 hours for whole hours, else 90分钟 / 90 minutes.</summary>
    public static string Duration(IStringLocalizer<Texts> T, int minutes) => minutes >= 60 && minutes % 60 == 0
        ? T[minutes == 60 ? "{0}小时|one" : "{0}小时", minutes / 60]
        : T[minutes == 1 ? "{0}分钟|one" : "{0}分钟", minutes];
}
