using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>
/// Every administrative change commits its audit entry in its own transaction: when the entry cannot be written, the
/// change is not made either (issue 15, decision 0107). A trigger in the database refuses chosen audit entries, as a
/// crash between the two writes would have lost one.
/// </summary>
public sealed class AuditInOneTransactionTests
{
    [Fact]
    public async Task AChangeWhoseAuditEntryCannotBeWrittenIsNotMadeEither()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite);
        var admin = await app.SignedInAsync("admin");
        var anyone = app.CreateClient();
        await using (var db = new SqliteConnection(app.Database.ConnectionString))
        {
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = """
                CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries
                WHEN NEW.Subject IN ('window:jc-civic-w40', 'service:jc-civic-invoice', 'hall:jc-civic', 'day:2027-01-04', 'catalog:jc-civic')
                BEGIN SELECT RAISE(ABORT, 'audit entry refused by the test'); END;
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        async Task<JsonElement> HallAsync() => await anyone.GetFromJsonAsync<JsonElement>($"/api/halls/{Demo.City}");
        var before = (await HallAsync()).GetRawText();
        var hoursBefore = await anyone.GetStringAsync($"/api/halls/{Demo.City}/calendar");

        // The hall grain's changes: a window, a matter, the hall's profile.
        Refused(await admin.PostAsJsonAsync($"/api/halls/{Demo.City}/windows", new { id = "jc-civic-w40", number = 40, name = "40号窗口", serviceIds = new[] { Demo.Invoice } }));
        Refused(await admin.PutAsJsonAsync($"/api/halls/{Demo.City}/services/{Demo.Invoice}", Matter("发票申领（改）")));
        Refused(await admin.DeleteAsync($"/api/halls/{Demo.City}/services/{Demo.Invoice}"));
        // The calendar's: opening hours and a day.
        var hours = new { hours = new[] { new { weekday = "monday", opens = "08:00", closes = "18:00" } } };
        Refused(await admin.PutAsJsonAsync($"/api/halls/{Demo.City}/calendar/hours", hours));
        Refused(await admin.PutAsJsonAsync("/api/calendar/days/2027-01-04", new { kind = "holiday", name = "元旦" }));

        Assert.Equal(before, (await HallAsync()).GetRawText());
        Assert.Equal(hoursBefore, await anyone.GetStringAsync($"/api/halls/{Demo.City}/calendar"));
        Assert.DoesNotContain("2027-01-04", await anyone.GetStringAsync("/api/calendar/days?from=2027-01-01&to=2027-01-31"));
        var audit = await admin.GetStringAsync("/api/audit");
        Assert.DoesNotContain("jc-civic-w40", audit);
        Assert.DoesNotContain("2027-01-04", audit);

        // The hall goes on serving, and a change whose entry can be written is made with it.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/halls/{Demo.City}/windows", new { id = "jc-civic-w41", number = 41, name = "41号窗口", serviceIds = new[] { Demo.Invoice } })).StatusCode);
        Assert.Contains((await HallAsync()).GetProperty("windows").EnumerateArray(), w => w.GetProperty("id").GetString() == "jc-civic-w41");
        var created = JsonDocument.Parse(await admin.GetStringAsync("/api/audit")).RootElement.EnumerateArray()
            .Single(e => e.GetProperty("subject").GetString() == "window:jc-civic-w41");
        Assert.Equal("window.create", created.GetProperty("action").GetString());
        Assert.Equal("admin", created.GetProperty("actor").GetString());
        Assert.Contains("41号窗口", created.GetProperty("after").GetString());
        Assert.Equal(HttpStatusCode.Created, (await anyone.PostAsJsonAsync($"/api/halls/{Demo.City}/tickets", new { serviceId = Demo.Invoice, channel = "kiosk" })).StatusCode);
    }

    /// <summary>The database refused the entry: the server failed the request, it did not turn it down as bad input.</summary>
    private static void Refused(HttpResponseMessage res) => Assert.True((int)res.StatusCode >= 500, $"{(int)res.StatusCode}");

    private static object Matter(string name) => new
    {
        name, category = "税务专项类", prefix = "S", normMinutes = 8, bookable = true,
        guide = new { materials = new[] { "营业执照" }, steps = new[] { "受理" }, timeLimit = "即办", fee = "不收费", basis = "《发票管理办法》" },
    };
}
