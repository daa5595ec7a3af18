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
        ["SetupRequest"] = """{"username":"director","password":"a long secret","displayName":"中心主任"}""",
        ["HallRequest"] = """{"id":"haimen","name":"海门区政务服务中心","level":"city","parentId":null,"regionCode":"320684","address":"海门区北京中路","settings":null}""",
        ["HallUpdateRequest"] = """{"name":"东湖街道便民服务中心","level":"town","parentId":"jc-civic","regionCode":"420102","address":"东湖街道办事处一楼","settings":{"targetWaitMinutes":20,"opensAt":"08:30:00","closesAt":"17:30:00"}}""",
        ["ServiceRequest"] = """{"id":null,"name":"不动产登记","nameEn":"Real estate registration","category":"社会民生类","prefix":"G","normMinutes":12,"bookable":true,"guide":{"materials":["不动产权证书","身份证"],"steps":["受理","审核","登簿"],"timeLimit":"5个工作日","fee":"按规定收费","basis":"《不动产登记暂行条例》"}}""",
        ["WindowRequest"] = """{"id":null,"number":17,"name":"17号综合窗口","serviceIds":["jc-civic-invoice","jc-civic-provident-fund"]}""",
        ["AccountRequest"] = """{"username":"wang","displayName":"王晓燕","role":"staff","hallId":"jc-civic","staffNumber":"JC2001","windowId":null,"password":"a long secret"}""",
        ["AccountUpdateRequest"] = """{"displayName":"王晓燕","role":"staff","hallId":"jc-civic","staffNumber":"JC2001","windowId":"jc-civic-w03"}""",
        ["PasswordResetRequest"] = """{"newPassword":"a new long secret"}""",
        ["PasswordChangeRequest"] = """{"currentPassword":"the current one","newPassword":"a new long secret"}""",
    };

    public static JsonNode? For(string schema) => Json.TryGetValue(schema, out var json) ? JsonNode.Parse(json) : null;

    public static IEnumerable<string> Schemas => Json.Keys;
}
