using System.Text.Json.Nodes;

namespace Queue.Web.OpenApi;

/// <summary>An example body per request schema, taken from the demo halls so it works against a seeded server.</summary>
public static class RequestExamples
{
    private static readonly Dictionary<string, string> Json = new()
    {
        ["LoginRequest"] = """{"username":"staff01","password":"demo123"}""",
        ["IssueTicketRequest"] = """{"serviceId":"jc-civic-invoice","channel":"kiosk"}""",
        ["CompleteRequest"] = """{"outcome":"supplementRequired","note":"缺少营业执照副本","missingMaterials":["营业执照副本"]}""",
        ["TransferRequest"] = """{"serviceId":"jc-civic-provident-fund","windowId":null}""",
        ["WindowServicesRequest"] = """{"serviceIds":["jc-civic-invoice","jc-civic-provident-fund"]}""",
        ["ReEntryRequest"] = """{"token":"the ticket's token"}""",
        ["NoticesRequest"] = """{"text":"今日下午 16:30 停止取号\n请提前准备好身份证"}""",
        ["BookingRequest"] = """{"serviceId":"jc-civic-invoice","slotStart":"2027-03-02T01:00:00+00:00","name":"张三","phone":"13800138000","idNumber":"11010519491231002X"}""",
        ["HallCheckInRequest"] = """{"code":"12345678","idNumber":null}""",
        ["BookingTokenRequest"] = """{"token":"the booking's token"}""",
        ["ArriveRequest"] = """{"token":"the ticket's token","code":"the code on the wall"}""",
        ["OpeningHoursRequest"] = """{"hours":[{"weekday":"monday","opens":"09:00","closes":"17:00"},{"weekday":"tuesday","opens":"09:00","closes":"17:00"}]}""",
        ["CalendarDayRequest"] = """{"kind":"holiday","name":"国庆节"}""",
        ["AcknowledgeRequest"] = """{"key":"the alert's key"}""",
        ["RateRequest"] = """{"token":"the ticket's token","level":"verySatisfied","tags":["办事高效"],"comment":"很快","phone":null}""",
        ["RatingPolicy"] = """{"defaultLevel":"basicallySatisfied","defaultAfterDays":5,"weights":[10,8,6,3,0],"commentMaxLength":300,"invitationSeconds":180,"reminderWorkingDays":2,"redAfterWorkingDays":3}""",
        ["CaseStepRequest"] = """{"note":"已核实，窗口人员已整改并回访群众"}""",
    };

    public static JsonNode? For(string schema) => Json.TryGetValue(schema, out var json) ? JsonNode.Parse(json) : null;

    public static IEnumerable<string> Schemas => Json.Keys;
}
