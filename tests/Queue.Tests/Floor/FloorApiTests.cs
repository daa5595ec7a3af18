using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Citizen;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Floor;

/// <summary>The hall floor's API: outcome details, the 补办 re-entry, hall notices.</summary>
public sealed class FloorApiTests
{
    private sealed record FloorTicketDto(Guid Id, string Number, string Status, string Priority, string? Outcome, string? OutcomeNote,
        DateOnly? PromisedDate, List<string> MissingMaterials, Guid? ReturnOfTicketId, string? Token, string? TrackUrl, string ServiceId);

    private sealed record NoticesDto(string HallId, List<string> Lines);

    private const string IdCard = "居民身份证原件";
    private const string Contract = "劳动合同或就业登记材料";

    private static async Task<TicketDto> ServeNextAsync(HttpClient staff, int window)
    {
        var called = await (await staff.WindowAsync(window, "call-next")).ReadAsync<TicketDto>();
        (await staff.WindowAsync(window, "start")).EnsureSuccessStatusCode();
        return called;
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task SupplementTicketCarriesTheNoticeAndReEntersOnceWithReturningPriority(StorageKind storage)
    {
        await using var app = await QueueApp.StartAsync(storage);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var original = await citizen.IssueAsync(Demo.SocialInsurance);
        await ServeNextAsync(staff, 5);

        var complete = await staff.WindowAsync(5, "complete", new { outcome = "supplementRequired", missingMaterials = new[] { IdCard, Contract }, note = "复印件需加盖公章" });
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var read = await citizen.GetFromJsonAsync<FloorTicketDto>($"/api/tickets/{original.Id}?token={original.Token}", ApiCalls.Json);
        Assert.Equal("supplementRequired", read!.Outcome);
        Assert.Equal([IdCard, Contract], read.MissingMaterials);

        var later = await citizen.IssueAsync(Demo.SocialInsurance);
        var back = await citizen.PostAsJsonAsync($"/api/tickets/{original.Id}/re-entry", new { token = original.Token });
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        var returning = await back.ReadAsync<FloorTicketDto>();
        Assert.Equal("returning", returning.Priority);
        Assert.Equal(original.Id, returning.ReturnOfTicketId);
        Assert.Equal(Demo.SocialInsurance, returning.ServiceId);
        Assert.NotNull(returning.Token);
        Assert.Equal($"/t/{returning.Id}?token={Uri.EscapeDataString(returning.Token!)}", returning.TrackUrl);

        // The re-entry is taken on the phone, so like any phone ticket it is called once its holder checks in at the hall.
        var code = (await citizen.PresenceCodeAsync()).Code;
        (await citizen.PostAsJsonAsync($"/api/tickets/{returning.Id}/arrive", new { token = returning.Token, code })).EnsureSuccessStatusCode();

        // Returning priority: called before the ticket issued earlier.
        var next = await (await staff.WindowAsync(5, "call-next")).ReadAsync<TicketDto>();
        Assert.Equal(returning.Id, next.Id);
        Assert.NotEqual(later.Id, next.Id);

        var again = await citizen.PostAsJsonAsync($"/api/tickets/{original.Id}/re-entry", new { token = original.Token });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ticket.alreadyReturned", (await again.ProblemAsync()).Code);
    }

    [Fact]
    public async Task ReEntryIsRefusedToAWrongTokenAndToATicketNotClosedAsSupplement()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var ticket = await citizen.IssueAsync(Demo.SocialInsurance);

        var wrong = await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/re-entry", new { token = "not-the-token" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var waiting = await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/re-entry", new { token = ticket.Token });
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);

        await ServeNextAsync(staff, 5);
        (await staff.WindowAsync(5, "complete", new { outcome = "done" })).EnsureSuccessStatusCode();
        var done = await citizen.PostAsJsonAsync($"/api/tickets/{ticket.Id}/re-entry", new { token = ticket.Token });
        Assert.Equal("ticket.notSupplement", (await done.ProblemAsync()).Code);
    }

    [Fact]
    public async Task OutcomesNeedTheirDetailsAndRefusalsLeaveTheTicketBeingServed()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var ticket = await citizen.IssueAsync(Demo.SocialInsurance);
        await ServeNextAsync(staff, 5);

        async Task<ProblemDto> Refused(object body)
        {
            var res = await staff.WindowAsync(5, "complete", body);
            Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
            return await res.ProblemAsync();
        }
        Assert.Contains("promisedDate", (await Refused(new { outcome = "promised" })).Errors!.Keys);
        Assert.Contains("promisedDate", (await Refused(new { outcome = "promised", promisedDate = "2001-01-01" })).Errors!.Keys);
        Assert.Contains("missingMaterials", (await Refused(new { outcome = "supplementRequired" })).Errors!.Keys);
        Assert.Contains("missingMaterials", (await Refused(new { outcome = "supplementRequired", missingMaterials = new[] { "不在指南里的材料" } })).Errors!.Keys);
        Assert.Contains("note", (await Refused(new { outcome = "rejected", note = "  " })).Errors!.Keys);

        var promised = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5);
        var ok = await staff.WindowAsync(5, "complete", new { outcome = "promised", promisedDate = promised });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var read = await ok.ReadAsync<FloorTicketDto>();
        Assert.Equal(ticket.Id, read.Id);
        Assert.Equal("done", read.Status);
        Assert.Equal(promised, read.PromisedDate);
    }

    [Fact]
    public async Task RejectionKeepsItsReasonAndStaffCannotWriteNotices()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        await citizen.IssueAsync(Demo.SocialInsurance);
        await ServeNextAsync(staff, 5);
        var rejected = await (await staff.WindowAsync(5, "complete", new { outcome = "rejected", note = "不属于本中心受理范围" })).ReadAsync<FloorTicketDto>();
        Assert.Equal("rejected", rejected.Outcome);
        Assert.Equal("不属于本中心受理范围", rejected.OutcomeNote);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/halls/{Demo.City}/notices", new { text = "x" })).StatusCode);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ManagerNoticesReachTheBoardAndSurviveARestartOfTheHost(StorageKind storage)
    {
        var settings = new Dictionary<string, string?>();
        string cs, provider;
        await using (var app = await QueueApp.StartAsync(storage))
        {
            var manager = await app.SignedInAsync("manager");
            var put = await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/notices", new { text = "今日 12:00-13:30 午间不休息\n\n  请提前准备身份证件  " });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(["今日 12:00-13:30 午间不休息", "请提前准备身份证件"], (await put.ReadAsync<NoticesDto>()).Lines);
            var tooMany = await manager.PutAsJsonAsync($"/api/halls/{Demo.City}/notices", new { text = string.Join('\n', Enumerable.Range(1, 11)) });
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
            var board = await app.CreateClient().GetStringAsync($"/api/halls/{Demo.City}/board");
            Assert.Contains("请提前准备身份证件", board);
            cs = app.Database.ConnectionString;
            provider = app.Database.Provider;
            // A second host on the same database reads the notices from storage.
            settings["Storage:Provider"] = provider;
            settings["ConnectionStrings:Queue"] = cs;
            await using var second = await QueueApp.StartAsync(storage, settings);
            var read = await second.CreateClient().GetFromJsonAsync<NoticesDto>($"/api/halls/{Demo.City}/notices", ApiCalls.Json);
            Assert.Equal(2, read!.Lines.Count);
        }
    }
}
