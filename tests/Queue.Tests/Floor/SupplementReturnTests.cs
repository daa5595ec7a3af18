using System.Net;
using System.Net.Http.Json;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Floor;

/// <summary>The 补办 citizen usually comes back on a later day: the notice and the once-only re-entry hold across days.</summary>
public sealed class SupplementReturnTests
{
    private sealed record FloorTicketDto(Guid Id, string Number, string Status, string Priority, string? Outcome, List<string> MissingMaterials, Guid? ReturnOfTicketId);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ACitizenReEntersOnALaterDayOnceOnly(StorageKind storage)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Shanghai
        await using var app = await QueueApp.StartAsync(storage, clock: clock);
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff05");
        var original = await citizen.IssueAsync(Demo.SocialInsurance);
        (await staff.WindowAsync(5, "call-next")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(5, "start")).EnsureSuccessStatusCode();
        (await staff.WindowAsync(5, "complete", new { outcome = "supplementRequired", missingMaterials = new[] { "居民身份证原件" } })).EnsureSuccessStatusCode();

        // Two days later the hall has rolled over; the original is read from storage, notice and all.
        clock.Advance(TimeSpan.FromDays(2));
        await citizen.IssueAsync(Demo.Invoice); // the first command of the new day rolls the hall over
        var stored = await citizen.GetFromJsonAsync<FloorTicketDto>($"/api/tickets/{original.Id}?token={original.Token}", ApiCalls.Json);
        Assert.Equal(["居民身份证原件"], stored!.MissingMaterials);

        var back = await citizen.PostAsJsonAsync($"/api/tickets/{original.Id}/re-entry", new { token = original.Token });
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        var returning = await back.ReadAsync<FloorTicketDto>();
        Assert.Equal(("waiting", "returning", original.Id), (returning.Status, returning.Priority, returning.ReturnOfTicketId));
        Assert.Equal("A001", returning.Number); // numbering restarted with the new business day

        // Yet another day later: the earlier re-entry is only in storage, and still counts.
        clock.Advance(TimeSpan.FromDays(1));
        await citizen.IssueAsync(Demo.Invoice);
        var again = await citizen.PostAsJsonAsync($"/api/tickets/{original.Id}/re-entry", new { token = original.Token });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ticket.alreadyReturned", (await again.ProblemAsync()).Code);
    }
}
