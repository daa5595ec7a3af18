using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using Queue.Silo.Halls;

namespace Queue.Web.Components.Citizen;

/// <summary>市级 / 镇街 / 村社区 in the visitor's language.</summary>
public static class HallLevelName
{
    public static string Of(IStringLocalizer<Texts> T, HallLevel level) => level switch
    {
        HallLevel.City => T["市级"],
        HallLevel.Town => T["镇街"],
        _ => T["村社区"],
    };
}
