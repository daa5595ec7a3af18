namespace Queue.Web.OpenApi;

/// <summary>
/// The operation table of <c>/openapi/v1.json</c>, keyed by method and route. Kept in one place so an endpoint
/// file stays short and a new route without a name here fails the document test (decision 0085).
/// </summary>
public static class ApiOperations
{
    private static readonly Dictionary<string, string> TicketParams = new() { ["ticketId"] = "$response.body#/id", ["token"] = "$response.body#/token" };

    /// <summary>The links every answer that issues a ticket carries: read it, cancel it, rate it after the service.</summary>
    private static readonly ApiLink[] TicketLinks =
    [
        new("read", 201, "getTicket", TicketParams),
        new("cancel", 201, "cancelTicket", TicketParams),
        new("rate", 201, "rateTicket", new() { ["ticketId"] = "$response.body#/id" }, new() { ["token"] = "$response.body#/token" }),
    ];

    public static readonly IReadOnlyDictionary<string, ApiOperation> All = new Dictionary<string, ApiOperation>
    {
        ["POST /api/auth/login"] = new("login", "登录", "Sign in"),
        ["GET /api/halls"] = new("listHalls", "大厅列表", "List the halls"),
        ["GET /api/halls/{hallId}"] = new("getHall", "大厅详情", "Read a hall with its services and windows"),
        ["GET /api/halls/{hallId}/board"] = new("getBoard", "叫号屏数据", "Read the hall's board"),
        ["GET /api/halls/{hallId}/reports/queue"] = new("getQueueReport", "业务量与等候统计", "Read the queue report"),
        ["GET /api/halls/{hallId}/reports/queue/export.{format}"] = new("exportQueueReport", "导出业务量统计", "Export the queue report"),
        ["GET /api/halls/{hallId}/reports/halls"] = new("getHallsReport", "下级大厅对比", "Compare the halls under a hall"),
        ["GET /api/halls/{hallId}/reports/staffing"] = new("getStaffingPlan", "窗口配置建议", "Read the staffing plan"),
        ["GET /api/halls/{hallId}/board/next"] = new("getNextUp", "下一位准备", "Read who each open window calls next"),
        ["POST /api/halls/{hallId}/tickets"] = new("issueTicket", "取号", "Take a ticket", Links: TicketLinks),
        ["GET /api/tickets/{ticketId}"] = new("getTicket", "查询号票", "Read a ticket"),
        ["DELETE /api/tickets/{ticketId}"] = new("cancelTicket", "取消号票", "Cancel a ticket"),
        ["POST /api/tickets/{ticketId}/re-entry"] = new("reEnterTicket", "补办回厅取号", "Return with the missing materials", Links: TicketLinks),
        ["POST /api/tickets/{ticketId}/arrive"] = new("arriveTicket", "到厅签到", "Confirm presence in the hall", [410]),
        ["GET /api/halls/{hallId}/windows/{windowId}"] = new("getWindowDesk", "窗口工作台", "Read a window's desk"),
        ["GET /api/halls/{hallId}/windows/{windowId}/today"] = new("getWindowToday", "窗口今日已办", "Read the tickets a window handled today"),
        ["GET /api/halls/{hallId}/windows/{windowId}/workday"] = new("getWindowWorkday", "窗口今日工作", "Read who worked a window today, its figures and its live score"),
        ["POST /api/halls/{hallId}/windows/{windowId}/open"] = new("openWindow", "开窗", "Open a window"),
        ["POST /api/halls/{hallId}/windows/{windowId}/close"] = new("closeWindow", "关窗", "Close a window"),
        ["POST /api/halls/{hallId}/windows/{windowId}/pause"] = new("pauseWindow", "暂停", "Pause a window"),
        ["POST /api/halls/{hallId}/windows/{windowId}/resume"] = new("resumeWindow", "恢复", "Resume a window"),
        ["POST /api/halls/{hallId}/windows/{windowId}/call-next"] = new("callNext", "叫号", "Call the next ticket"),
        ["POST /api/halls/{hallId}/windows/{windowId}/recall"] = new("recall", "重呼", "Call the current ticket again"),
        ["POST /api/halls/{hallId}/windows/{windowId}/start"] = new("startService", "开始办理", "Start serving the called ticket"),
        ["POST /api/halls/{hallId}/windows/{windowId}/no-show"] = new("noShow", "过号", "Mark the called ticket absent"),
        ["POST /api/halls/{hallId}/windows/{windowId}/complete"] = new("completeService", "办结", "Complete the service with its outcome"),
        ["POST /api/halls/{hallId}/windows/{windowId}/transfer"] = new("transferTicket", "转移", "Transfer the ticket to another service"),
        ["PUT /api/halls/{hallId}/windows/{windowId}/services"] = new("setWindowServices", "设置窗口事项", "Set the services a window serves"),
        ["POST /api/halls/{hallId}/windows/{windowId}/pad"] = new("pairPad", "绑定评价器", "Pair an evaluator pad with a window"),
        ["GET /api/halls/{hallId}/notices"] = new("getNotices", "大厅公告", "Read the hall's notices"),
        ["PUT /api/halls/{hallId}/notices"] = new("setNotices", "修改大厅公告", "Replace the hall's notices"),
        ["GET /api/halls/{hallId}/services/{serviceId}/slots"] = new("listSlots", "可预约时段", "List the bookable slots of a day"),
        ["POST /api/halls/{hallId}/bookings"] = new("book", "线上预约", "Book a slot",
            Links: [new("checkIn", 201, "checkInBooking", new() { ["bookingId"] = "$response.body#/id" }, new() { ["token"] = "$response.body#/token" }),
                    new("read", 201, "getBooking", new() { ["bookingId"] = "$response.body#/id", ["token"] = "$response.body#/token" })]),
        ["POST /api/halls/{hallId}/bookings/check-in"] = new("checkInAtHall", "现场预约签到", "Check a booking in at the kiosk", Links: TicketLinks),
        ["GET /api/bookings/{bookingId}"] = new("getBooking", "查询预约", "Read a booking"),
        ["DELETE /api/bookings/{bookingId}"] = new("cancelBooking", "取消预约", "Cancel a booking"),
        ["POST /api/bookings/{bookingId}/check-in"] = new("checkInBooking", "预约签到", "Check a booking in", Links: TicketLinks),
        ["GET /api/halls/{hallId}/presence-qr.png"] = new("getPresenceQr", "签到二维码", "The presence QR code as PNG", [403]),
        ["GET /api/halls/{hallId}/presence-code"] = new("getPresenceCode", "签到码", "The current presence code", [403]),
        ["GET /api/halls/{hallId}/calendar"] = new("getHallCalendar", "大厅日历", "Read the hall's calendar"),
        ["PUT /api/halls/{hallId}/calendar/hours"] = new("setOpeningHours", "设置办公时间", "Set the weekly opening hours"),
        ["PUT /api/halls/{hallId}/calendar/days/{date}"] = new("setHallDay", "设置大厅特殊日", "Set one of the hall's special days"),
        ["DELETE /api/halls/{hallId}/calendar/days/{date}"] = new("removeHallDay", "删除大厅特殊日", "Remove one of the hall's special days"),
        ["GET /api/calendar/days"] = new("listNationalDays", "全国节假日与调休", "List the days of all halls"),
        ["PUT /api/calendar/days/{date}"] = new("setNationalDay", "设置全国节假日", "Set a day of all halls"),
        ["DELETE /api/calendar/days/{date}"] = new("removeNationalDay", "删除全国节假日", "Remove a day of all halls"),
        ["GET /api/halls/{hallId}/overview"] = new("getOverview", "大厅总览", "The live hall with its alerts"),
        ["GET /api/halls/{hallId}/alerts"] = new("getAlerts", "电子监察预警", "Active alerts and their log"),
        ["POST /api/halls/{hallId}/alerts/acknowledge"] = new("acknowledgeAlert", "确认预警", "Acknowledge an alert"),
        ["GET /api/halls/{hallId}/advice"] = new("getAdvice", "调度建议", "Rebalancing advice"),
        ["POST /api/tickets/{ticketId}/rating"] = new("rateTicket", "评价", "Rate a served ticket", [403, 410]),
        ["POST /api/tickets/{ticketId}/rating/follow-up"] = new("followUpRating", "追评", "Follow up a rating", [403]),
        ["GET /api/halls/{hallId}/rating-policy"] = new("getRatingPolicy", "评价规则", "Read the hall's rating policy"),
        ["PUT /api/halls/{hallId}/rating-policy"] = new("setRatingPolicy", "修改评价规则", "Change the hall's rating policy"),
        ["GET /api/ratings"] = new("listRatings", "评价列表", "List ratings"),
        ["GET /api/halls/{hallId}/rating-scores"] = new("getRatingScores", "评价得分", "Scores by window, staff, service, category or hall"),
        ["GET /api/halls/{hallId}/rating-results"] = new("getRatingResults", "评价结果公示", "Published monthly results"),
        ["GET /api/rating-cases"] = new("listRatingCases", "差评工单列表", "List bad-review cases"),
        ["GET /api/rating-cases/{caseId}"] = new("getRatingCase", "差评工单", "Read a bad-review case with its trail",
            Links: [new("act", 200, "actOnRatingCase", new() { ["caseId"] = "$response.body#/id" })]),
        ["POST /api/rating-cases/{caseId}/{action}"] = new("actOnRatingCase", "处理差评工单", "Take the next step on a case",
            Links: [new("read", 200, "getRatingCase", new() { ["caseId"] = "$response.body#/id" })]),
        ["GET /api/ratings/export.{format}"] = new("exportRatings", "导出评价", "Export ratings (GB/T 39046 Table 9)"),
        ["GET /api/rating-cases/export.{format}"] = new("exportRatingCases", "导出差评工单", "Export bad-review cases"),
        ["POST /api/setup"] = new("setUp", "系统初始化（首个管理员）", "Create the first admin", [403]),
        ["POST /api/halls"] = new("createHall", "新建大厅", "Create a hall"),
        ["PUT /api/halls/{hallId}"] = new("updateHall", "修改大厅", "Change a hall"),
        ["POST /api/halls/{hallId}/services"] = new("createService", "新增事项", "Add a matter"),
        ["PUT /api/halls/{hallId}/services/{serviceId}"] = new("updateService", "修改事项", "Change a matter"),
        ["DELETE /api/halls/{hallId}/services/{serviceId}"] = new("removeService", "删除事项", "Remove a matter"),
        ["POST /api/halls/{hallId}/services/import"] = new("importServices", "导入事项目录", "Import the matter catalog (all or nothing)"),
        ["GET /api/halls/{hallId}/services/export.{format}"] = new("exportServices", "导出事项目录", "Export the matter catalog"),
        ["POST /api/halls/{hallId}/windows"] = new("createWindow", "新增窗口", "Add a window"),
        ["PUT /api/halls/{hallId}/windows/{windowId}"] = new("updateWindow", "修改窗口", "Change a window"),
        ["DELETE /api/halls/{hallId}/windows/{windowId}"] = new("removeWindow", "删除窗口", "Remove a window"),
        ["GET /api/accounts"] = new("listAccounts", "账号列表", "List accounts"),
        ["POST /api/accounts"] = new("createAccount", "新建账号", "Create an account"),
        ["PUT /api/accounts/{accountId}"] = new("updateAccount", "修改账号", "Change an account"),
        ["POST /api/accounts/{accountId}/disable"] = new("disableAccount", "停用账号", "Disable an account"),
        ["POST /api/accounts/{accountId}/enable"] = new("enableAccount", "启用账号", "Enable an account"),
        ["POST /api/accounts/{accountId}/reset-password"] = new("resetPassword", "重置密码", "Reset an account's password"),
        ["POST /api/account/password"] = new("changeOwnPassword", "修改本人密码", "Change your own password"),
        ["GET /api/audit"] = new("listAudit", "操作日志", "Read the audit log"),
    };

    public static ApiOperation? Find(string method, string route) => All.GetValueOrDefault($"{method} /{route.TrimStart('/')}");
}
