using Queue.Display.Shared;
using Queue.Silo.Halls;

namespace Queue.Web.Components.Citizen;

/// <summary>市级 / 镇街 / 村社区 in the visitor's language.</summary>
public static class HallLevelName
{
    public static string Of(HallLevel level) => level switch
    {
        HallLevel.City => L.T("市级", "City"),
        HallLevel.Town => L.T("镇街", "Town"),
        _ => L.T("村社区", "Village"),
    };
}
