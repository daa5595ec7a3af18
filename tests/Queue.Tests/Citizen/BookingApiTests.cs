using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Queue.Silo.Booking;
using Queue.Silo.Storage;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Citizen;

/// <summary>线上预约 through the public API: slots, the booking rules, cancel, check-in, no-shows.</summary>
public sealed class BookingApiTests
{
    private const string Monday = "2026-11-23";

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task BookingIsCheckedInOnTheDayAndBecomesAPriorityTicketBoundToIt(StorageKind storage)
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(storage, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();

        var slots = await citizen.SlotsAsync(Demo.SocialInsurance, Monday);
        Assert.Equal(16, slots.Count); // 09:00–17:00 in 30-minute slots
        Assert.Equal(CitizenApi.Shanghai(23, 9), slots[0].Start);
        // 6 windows serve it × 30 min ÷ 6 min × 50 % bookable share
        Assert.All(slots, s => Assert.Equal(15, s.Capacity));

        var slot = CitizenApi.Shanghai(23, 10);
        var res = await citizen.BookAsync(Demo.SocialInsurance, slot);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var booking = await res.ReadAsync<BookingDto>();
        Assert.Equal("booked", booking.Status);
        Assert.Equal("张*三", booking.Name);
        Assert.Equal("138****5678", booking.Phone);
        Assert.Matches("^\\d{8}$", booking.Code);
        Assert.True(booking.Token!.Length >= 22);
        Assert.Equal(14, (await citizen.SlotsAsync(Demo.SocialInsurance, Monday)).Single(s => s.Start == slot).Remaining);

        Assert.Equal("booking.tooEarly", await (await citizen.CheckInAsync(booking)).CodeOfAsync());
        clock.Set(CitizenApi.Shanghai(23, 9, 40));
        var walkIn = await citizen.IssueAsync(Demo.SocialInsurance);
        var checkIn = await citizen.CheckInAsync(booking);
        Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        var ticket = await checkIn.ReadAsync<TicketDto>();
        Assert.Equal("booking", ticket.Priority);
        Assert.StartsWith("A", ticket.Number);
        Assert.NotNull(ticket.Token);

        var read = await citizen.GetFromJsonAsync<BookingDto>($"/api/bookings/{booking.Id}?token={booking.Token}", ApiCalls.Json);
        Assert.Equal("checkedIn", read!.Status);
        Assert.Equal(ticket.Id, read.TicketId);

        // The replayed token checks in nothing more.
        var replay = await citizen.CheckInAsync(booking);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("booking.checkedIn", await replay.CodeOfAsync());

        // A booking ticket is served before the walk-in who came earlier.
        var staff = await app.SignedInAsync("staff05");
        var called = await (await staff.WindowAsync(5, "call-next")).ReadAsync<TicketDto>();
        Assert.Equal(ticket.Id, called.Id);
        Assert.NotEqual(walkIn.Id, called.Id);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task CitizensRacingForTheLastPlacesNeverOverfillASlot(StorageKind storage)
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(storage, CitizenApi.Settings(), clock);
        var slot = CitizenApi.Shanghai(23, 14);
        var capacity = (await app.CreateClient().SlotsAsync(Demo.ConstructionPermit, Monday)).Single(s => s.Start == slot).Capacity;
        Assert.Equal(6, capacity);

        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.CreateClient().BookAsync(Demo.ConstructionPermit, slot))).ToList();
        var answers = await Task.WhenAll(attempts);
        Assert.Equal(capacity, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict)) Assert.Equal("slot.full", await refused.CodeOfAsync());
        Assert.Equal(0, (await app.CreateClient().SlotsAsync(Demo.ConstructionPermit, Monday)).Single(s => s.Start == slot).Remaining);

        // The same person racing for two slots of one day gets one booking.
        var id = CitizenApi.NewIdNumber();
        var twice = await Task.WhenAll(
            Task.Run(() => app.CreateClient().BookAsync(Demo.ConstructionPermit, CitizenApi.Shanghai(23, 15), id)),
            Task.Run(() => app.CreateClient().BookAsync(Demo.ConstructionPermit, CitizenApi.Shanghai(23, 15, 30), id)));
        Assert.Single(twice, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal("booking.duplicate", await twice.Single(a => a.StatusCode != HttpStatusCode.Created).CodeOfAsync());
    }

    [Fact]
    public async Task BadBookingsAreRefusedWithClearProblemsAndChangeNothing()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10, 5));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();

        var valid = CitizenApi.NewIdNumber();
        var wrongCheckDigit = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var invalidId = await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 15), wrongCheckDigit);
        Assert.Equal(HttpStatusCode.BadRequest, invalidId.StatusCode);
        Assert.Contains("idNumber", (await invalidId.ProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 15), "42010219851312001X")).StatusCode);
        var badPhone = await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 15), phone: "12345");
        Assert.Contains("phone", (await badPhone.ProblemAsync()).Errors!.Keys);

        Assert.Equal("slot.past", await (await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 10))).CodeOfAsync());
        var offGrid = await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 15, 10));
        Assert.Equal(HttpStatusCode.BadRequest, offGrid.StatusCode);
        Assert.Equal("service.notBookable", await (await citizen.BookAsync(Demo.Invoice, CitizenApi.Shanghai(23, 15))).CodeOfAsync());
        // Five working days from Monday end on Friday: Saturday is already beyond the horizon.
        var saturday = await citizen.GetAsync($"/api/halls/{Demo.City}/services/{Demo.SocialInsurance}/slots?date=2026-11-28");
        Assert.Equal(HttpStatusCode.BadRequest, saturday.StatusCode);
        Assert.Contains("5", (await saturday.ProblemAsync()).Detail);
        var yesterday = await citizen.GetAsync($"/api/halls/{Demo.City}/services/{Demo.SocialInsurance}/slots?date=2026-11-22");
        Assert.Equal(HttpStatusCode.BadRequest, yesterday.StatusCode);
        var tooFar = await citizen.GetAsync($"/api/halls/{Demo.City}/services/{Demo.SocialInsurance}/slots?date=2026-12-07");
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync($"/api/halls/{Demo.City}/services/{Demo.SocialInsurance}/slots?date=tomorrow")).StatusCode);

        var id = CitizenApi.NewIdNumber();
        await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(24, 9), id);
        Assert.Equal("booking.duplicate", await (await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(24, 16), id)).CodeOfAsync());
        // Another service the same day, or the same service another day, is fine.
        await citizen.BookedAsync(Demo.ProvidentFund, CitizenApi.Shanghai(24, 9), id);
        await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(25, 9), id);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync();
        var stored = await db.Set<HallBooking>().AsNoTracking().ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, b => Assert.Equal(64, b.IdHash.Length));
        Assert.DoesNotContain(stored, b => b.IdHash.Contains(id[..17]) || b.Name.Contains(id) || b.Phone.Contains(id));
    }

    [Fact]
    public async Task SlotsThatHaveBegunReadPastNotFullAndTheBookingPageOpensOnADayWithASlotLeft()
    {
        var clock = new ManualClock(CitizenApi.Shanghai(23, 10, 5));
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();

        // 10:05: the slots up to 10:00 have begun; they are past, not full, and the contract's fields stay as they were.
        var slots = await citizen.SlotsAsync(Demo.SocialInsurance, Monday);
        Assert.Equal(CitizenApi.Shanghai(23, 10), slots.Last(s => s.Past).Start);
        Assert.All(slots.Where(s => s.Past), s => Assert.Equal((15, 0), (s.Capacity, s.Remaining)));
        Assert.All(slots.Where(s => !s.Past), s => Assert.Equal(15, s.Remaining));
        var page = await PageAsync(citizen, $"/book/{Demo.City}?service={Demo.SocialInsurance}");
        Assert.Matches("class=\"chip on\"[^>]*data-date=\"2026-11-23\"", page);
        Assert.Contains("已过", page);
        Assert.DoesNotContain("已满", page);

        // 16:40: every slot of today has begun. The page opens on Tuesday; today, still offered, reads 已过 throughout.
        clock.Set(CitizenApi.Shanghai(23, 16, 40));
        Assert.All(await citizen.SlotsAsync(Demo.SocialInsurance, Monday), s => Assert.True(s.Past));
        page = await PageAsync(citizen, $"/book/{Demo.City}?service={Demo.SocialInsurance}");
        Assert.Matches("class=\"chip on\"[^>]*data-date=\"2026-11-24\"", page);
        Assert.DoesNotContain("已过", page);
        Assert.Contains("data-date=\"2026-11-23\"", page);
        var today = await PageAsync(citizen, $"/book/{Demo.City}?service={Demo.SocialInsurance}&date={Monday}");
        Assert.Matches("class=\"chip on\"[^>]*data-date=\"2026-11-23\"", today);
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Count(today, "已过"));
        Assert.DoesNotContain("已满", today);

        // A slot booked out is still 已满.
        clock.Set(CitizenApi.MondayMorning);
        var slot = CitizenApi.Shanghai(24, 14);
        for (var i = 0; i < 6; i++) await citizen.BookedAsync(Demo.ConstructionPermit, slot);
        var full = await PageAsync(citizen, $"/book/{Demo.City}?service={Demo.ConstructionPermit}&date=2026-11-24");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(full, "已满"));
        Assert.DoesNotContain("已过", full);
    }

    [Fact]
    public async Task CancellingIsAllowedOnlyBeforeTheCutOffAndFreesThePlace()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();
        var early = await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 11));
        var late = await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 9));

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.DeleteAsync($"/api/bookings/{early.Id}?token=wrong")).StatusCode);
        var cancelled = await citizen.DeleteAsync($"/api/bookings/{early.Id}?token={early.Token}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadAsync<BookingDto>()).Status);
        Assert.Equal(15, (await citizen.SlotsAsync(Demo.SocialInsurance, Monday)).Single(s => s.Start == CitizenApi.Shanghai(23, 11)).Remaining);
        Assert.Equal("booking.notActive", await (await citizen.DeleteAsync($"/api/bookings/{early.Id}?token={early.Token}")).CodeOfAsync());
        Assert.Equal("booking.notActive", await (await citizen.CheckInAsync(early)).CodeOfAsync());

        // 07:30 is less than two hours before the 09:00 slot.
        clock.Set(CitizenApi.Shanghai(23, 7, 30));
        var tooLate = await citizen.DeleteAsync($"/api/bookings/{late.Id}?token={late.Token}");
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal("booking.cutoff", await tooLate.CodeOfAsync());
    }

    [Fact]
    public async Task TheBookingPageStatesTheHallsOwnCheckInAndCancelPeriods()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync())
        {
            // Before anything reads the hall: the hall grain loads these settings with the hall.
            var hall = await db.Halls.SingleAsync(h => h.Id == Demo.City);
            hall.Settings = hall.Settings with { CheckInEarlyMinutes = 45, BookingCancelCutoffMinutes = 90 };
            await db.SaveChangesAsync();
        }
        var citizen = app.CreateClient();
        var booking = await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 9));
        var url = $"/booking/{booking.Id}?token={Uri.EscapeDataString(booking.Token!)}";

        var page = await PageAsync(citizen, url);
        Assert.Contains("预约时段开始前45分钟至时段结束；取消须在时段开始90分钟前", page);
        Assert.DoesNotContain("30分钟", page);
        Assert.DoesNotContain("2小时", page);
        Assert.Contains("Check in from 45 minutes before the slot until its end; cancel up to 90 minutes before.", await PageAsync(citizen, url + "&culture=en"));

        // The refusals the page's forms come back with say the same numbers.
        Assert.Equal("booking.tooEarly", await (await citizen.CheckInAsync(booking)).CodeOfAsync());
        // As the page's form comes back (FormRefusal.Query): the code, the wording's key and its arguments.
        Assert.Contains("预约时段前 45 分钟起可签到", await PageAsync(citizen, url + "&error=booking.tooEarly&why=booking.tooEarly&arg=45"));
        clock.Set(CitizenApi.Shanghai(23, 7, 31));
        Assert.Equal("booking.cutoff", await (await citizen.DeleteAsync($"/api/bookings/{booking.Id}?token={booking.Token}")).CodeOfAsync());
        Assert.Contains("距预约时段开始不足 90 分钟", await PageAsync(citizen, url + "&error=booking.cutoff&why=booking.cutoff&arg=90"));
        Assert.Contains("cancelled up to 90 minutes before", await PageAsync(citizen, url + "&error=booking.cutoff&why=booking.cutoff&arg=90&culture=en"));
        // A link without the wording's arguments (typed, or cut short) reads as a plain refusal, never a raw "{0}".
        var bare = await PageAsync(citizen, url + "&error=booking.cutoff");
        Assert.Contains("操作未成功，请重试。", bare);
        Assert.DoesNotContain("{0}", bare);
    }

    [Fact]
    public async Task CheckInOnTheWrongDayOrAfterTheSlotIsRefusedAndTheKioskFindsBookingsByCodeOrIdNumber()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();
        var tuesday = await citizen.BookedAsync(Demo.SocialInsurance, CitizenApi.Shanghai(24, 9, 30));
        var id = CitizenApi.NewIdNumber();
        var byId = await citizen.BookedAsync(Demo.CompanySetup, CitizenApi.Shanghai(23, 10), id);
        var byCode = await citizen.BookedAsync(Demo.ProvidentFund, CitizenApi.Shanghai(23, 10));
        var missed = await citizen.BookedAsync(Demo.ResidencePermit, CitizenApi.Shanghai(23, 9));

        clock.Set(CitizenApi.Shanghai(23, 9, 45));
        Assert.Equal("booking.wrongDay", await (await citizen.CheckInAsync(tuesday)).CodeOfAsync());
        Assert.Equal("booking.tooLate", await (await citizen.CheckInAsync(missed)).CodeOfAsync());

        var kiosk = await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { idNumber = id.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Created, kiosk.StatusCode);
        Assert.Equal(Demo.CompanySetup, (await kiosk.ReadAsync<TicketDto>()).ServiceId);
        var code = await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { code = byCode.Code });
        Assert.Equal(Demo.ProvidentFund, (await code.ReadAsync<TicketDto>()).ServiceId);
        Assert.Equal("booking.checkedIn", await (await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { code = byCode.Code })).CodeOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { code = "00000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { })).StatusCode);
        Assert.Equal("checkedIn", (await citizen.GetFromJsonAsync<BookingDto>($"/api/bookings/{byId.Id}?token={byId.Token}", ApiCalls.Json))!.Status);
    }

    [Fact]
    public async Task NumbersAreAcceptedAsAPhoneFillsThemInOrAPersonTypesThem()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();
        var id = CitizenApi.NewIdNumber();
        var res = await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 10), $"{id[..6]} {id[6..14]} {id[14..]}", phone: "+86 138-1234-5678");
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var booking = await res.ReadAsync<BookingDto>();
        Assert.Equal("138****5678", booking.Phone);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<QueueDb>>().CreateDbContextAsync())
            Assert.Equal("13812345678", (await db.Set<HallBooking>().AsNoTracking().SingleAsync()).Phone);

        clock.Set(CitizenApi.Shanghai(23, 9, 45));
        var code = $"{booking.Code[..4]} {booking.Code[4..]}";
        var kiosk = await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { code });
        Assert.Equal(HttpStatusCode.Created, kiosk.StatusCode);

        var fullWidth = string.Concat(CitizenApi.NewIdNumber().Select(c => c == 'X' ? 'Ｘ' : (char)('０' + (c - '0'))));
        var other = await citizen.BookAsync(Demo.ProvidentFund, CitizenApi.Shanghai(23, 10), fullWidth, phone: "１３９００００１１１１");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var byId = await citizen.PostAsJsonAsync($"/api/halls/{Demo.City}/bookings/check-in", new { idNumber = fullWidth });
        Assert.Equal(Demo.ProvidentFund, (await byId.ReadAsync<TicketDto>()).ServiceId);
    }

    /// <summary>A page's HTML as the visitor reads it (Blazor writes Chinese as character references).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task RepeatedNoShowsSuspendBookingForAWhile()
    {
        var clock = new ManualClock(CitizenApi.MondayMorning);
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(), clock);
        var citizen = app.CreateClient();
        var id = CitizenApi.NewIdNumber();
        foreach (var service in new[] { Demo.SocialInsurance, Demo.ProvidentFund, Demo.CompanySetup })
            await citizen.BookedAsync(service, CitizenApi.Shanghai(23, 9), id);

        clock.Set(CitizenApi.Shanghai(24, 7));
        var refused = await citizen.BookAsync(Demo.ResidencePermit, CitizenApi.Shanghai(24, 10), id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal("booking.suspended", problem.Code);
        Assert.Contains("2026-12-23", problem.Detail);
        // Someone else books as usual, and the suspended person can still take a walk-in ticket.
        await citizen.BookedAsync(Demo.ResidencePermit, CitizenApi.Shanghai(24, 10));
        await citizen.IssueAsync(Demo.ResidencePermit);
    }

    [Fact]
    public async Task BookingIsRateLimited()
    {
        await using var app = await QueueApp.StartAsync(StorageKind.Sqlite, CitizenApi.Settings(bookingsPerMinute: 3), new ManualClock(CitizenApi.MondayMorning));
        var citizen = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) answers.Add((await citizen.BookAsync(Demo.SocialInsurance, CitizenApi.Shanghai(23, 11))).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }
}
