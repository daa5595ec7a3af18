using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Halls;
using Queue.Silo.Calendar;
using Queue.Silo.Citizen;
using Queue.Silo.Engine;
using Queue.Silo.Hosting;
using Queue.Silo.Storage;
using Queue.Silo.Tickets;
using Queue.Silo.Views;

namespace Queue.Silo.Booking;

/// <summary>
/// Slots, bookings, cancellation and check-in (线上预约). Capacity per slot is the windows serving the service ×
/// slot length ÷ service time × the hall's bookable share. A booking is made by the grain of its matter's day
/// (<see cref="BookingDayGrain"/>), one at a time, in one transaction that also holds a lock for the slot
/// (PostgreSQL advisory lock; SQLite's single write lock), so two citizens racing for the last place cannot both
/// get it. See docs/decisions/0032 and 0084.
/// </summary>
public sealed class BookingLedger(IDbContextFactory<QueueDb> dbs, HallSnapshots halls, HallCalendar calendar, CitizenSecrets secrets,
    CitizenClient citizen, IGrainFactory grains, TimeProvider time)
{
    public async Task<IReadOnlyList<BookingSlot>> SlotsAsync(string hallId, string serviceId, DateOnly date)
    {
        var (snapshot, service) = await BookableAsync(hallId, serviceId);
        var days = await calendar.ForHallAsync(hallId);
        RequireWithinHorizon(days, snapshot, date);
        var capacity = Capacity(snapshot, service);
        var starts = SlotTimes(days, snapshot, date);
        if (starts.Count == 0) return [];
        var taken = await TakenAsync(hallId, serviceId, date);
        var now = time.GetUtcNow();
        return starts.Select(s => s.Start <= now
            ? new BookingSlot(s.Start, s.End, capacity, 0, Past: true)
            : new BookingSlot(s.Start, s.End, capacity, Math.Max(0, capacity - taken.GetValueOrDefault(s.Start.UtcTicks)))).ToList();
    }

    /// <summary>Books a place through the grain of the matter's day; answers the booking with the holder's token (shown once).</summary>
    public async Task<BookingView> BookAsync(string hallId, BookingRequest req)
    {
        // A request without a slot or a known matter is refused field by field, and activates no grain.
        if (req.SlotStart is not { } start || (await halls.SnapshotAsync(hallId)).Detail.Services.All(s => s.Id != req.ServiceId))
            return await ReserveAsync(hallId, req);
        // The key only groups competing requests (halls keep China's time); the slot lock below still decides.
        var day = start.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        return await grains.GetGrain<IBookingDayGrain>($"{hallId}|{req.ServiceId}|{day}").Book(hallId, req);
    }

    /// <summary>Checks and stores one booking; called by <see cref="BookingDayGrain"/>, one at a time per matter and day.</summary>
    public async Task<BookingView> ReserveAsync(string hallId, BookingRequest req)
    {
        var errors = new Dictionary<string, FieldError[]>();
        var name = req.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50) errors["name"] = [new("invalid.name.required")];
        var phone = MobileNumber.Normalize(req.Phone) ?? "";
        if (phone.Length == 0) errors["phone"] = [new("invalid.phone.mobile")];
        var idNumber = IdNumber.Normalize(req.IdNumber);
        if (idNumber is null) errors["idNumber"] = [new("invalid.idNumber.checkDigit")];
        if (req.SlotStart is null) errors["slotStart"] = [new("invalid.slotStart.required")];
        if (string.IsNullOrWhiteSpace(req.ServiceId)) errors["serviceId"] = [new("invalid.serviceId.required")];
        if (errors.Count > 0) throw HallException.Fields("validation", errors);

        var (snapshot, service) = await BookableAsync(hallId, req.ServiceId!);
        var days = await calendar.ForHallAsync(hallId);
        var start = req.SlotStart!.Value.ToUniversalTime();
        var date = days.Today(start);
        RequireWithinHorizon(days, snapshot, date);
        var slot = SlotTimes(days, snapshot, date).FirstOrDefault(s => s.Start == start);
        if (slot == default) throw HallException.Invalid("slotStart", "invalid.slotStart.notSlot");
        var now = time.GetUtcNow();
        if (slot.Start <= now) throw HallException.Conflict("slot.past");
        var capacity = Capacity(snapshot, service);
        var idHash = await secrets.HashAsync(CitizenSecrets.IdNumbers, idNumber!);
        var settings = snapshot.Detail.Settings;

        await using var db = await dbs.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (!db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", [$"booking|{hallId}|{service.Id}|{start.UtcTicks}"]);
        await RefuseRepeatedNoShowsAsync(db, hallId, idHash, settings, now);
        var bookings = db.Set<HallBooking>();
        if (await bookings.AnyAsync(b => b.HallId == hallId && b.ServiceId == service.Id && b.Day == date && b.IdHash == idHash && b.Status != BookingStatus.Cancelled))
            throw Duplicate();
        var taken = await bookings.CountAsync(b => b.HallId == hallId && b.ServiceId == service.Id && b.SlotStart == start && b.Status != BookingStatus.Cancelled);
        if (taken >= capacity) throw HallException.Conflict("slot.full");
        var code = await FreeCodeAsync(db, hallId, date);
        var token = TicketToken.New();
        var booking = new HallBooking(Guid.NewGuid(), hallId, service.Id, date, start, slot.End, code, name, phone, idHash, TicketToken.Hash(token), now);
        bookings.Add(booking);
        try
        {
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // The unique index caught the same person booking another slot of the same day at the same moment.
            throw Duplicate();
        }
        return BookingView.Of(booking, service.Name) with { Token = token };
    }

    public async Task<BookingView> GetAsync(Guid bookingId, string? token)
    {
        var booking = await HolderAsync(bookingId, token);
        return await ViewAsync(booking);
    }

    /// <summary>Cancels a booking up to the hall's cut-off before its slot.</summary>
    public async Task<BookingView> CancelAsync(Guid bookingId, string? token)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var booking = await db.Set<HallBooking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId);
        if (booking is null || !TicketToken.Matches(token, booking.TokenHash)) throw HallException.NotFound("booking", bookingId.ToString());
        var settings = (await halls.SnapshotAsync(booking.HallId)).Detail.Settings;
        var now = time.GetUtcNow();
        if (booking.Status == BookingStatus.Booked && now > booking.SlotStart.AddMinutes(-settings.BookingCancelCutoffMinutes))
            throw HallException.Conflict("booking.cutoff", ("minutes", settings.BookingCancelCutoffMinutes));
        booking.Cancel(now);
        await SaveIfStillAsync(db, booking, BookingStatus.Booked);
        return await ViewAsync(booking);
    }

    /// <summary>The holder checks in on the day (from shortly before the slot until its end) and gets a priority ticket.</summary>
    public async Task<IssuedTicket> CheckInAsync(Guid bookingId, string? token)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var booking = await db.Set<HallBooking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId);
        if (booking is null || !TicketToken.Matches(token, booking.TokenHash)) throw HallException.NotFound("booking", bookingId.ToString());
        return await CheckInAsync(db, booking);
    }

    /// <summary>
    /// Check-in at the kiosk by 预约码 or ID number: the kiosk stands in the hall, so presence is proven; the
    /// code or the number finds today's booking at this hall whose check-in period is open.
    /// </summary>
    public async Task<IssuedTicket> CheckInAtHallAsync(string hallId, string? code, string? idNumber)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        var days = await calendar.ForHallAsync(hallId);
        var today = days.Today(time.GetUtcNow());
        await using var db = await dbs.CreateDbContextAsync();
        var mine = db.Set<HallBooking>().Where(b => b.HallId == hallId && b.Day == today);
        List<HallBooking> found;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var c = TypedNumber.Compact(code);
            if (c.Length != 8 || !c.All(char.IsAsciiDigit)) throw HallException.Invalid("code", "invalid.code.digits");
            found = await mine.AsNoTracking().Where(b => b.Code == c).ToListAsync();
        }
        else if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var id = IdNumber.Normalize(idNumber) ?? throw HallException.Invalid("idNumber", "invalid.idNumber");
            var hash = await secrets.HashAsync(CitizenSecrets.IdNumbers, id);
            found = await mine.AsNoTracking().Where(b => b.IdHash == hash).ToListAsync();
        }
        else throw HallException.Invalid("code", "invalid.code.required");
        if (found.Count == 0)
            throw new HallException(RefusalKind.NotFound, "booking.notFound", "booking.notFound", ("hall", snapshot.Detail.Name));
        var now = time.GetUtcNow();
        var settings = snapshot.Detail.Settings;
        var open = found.Where(b => b.Status == BookingStatus.Booked && now >= b.SlotStart.AddMinutes(-settings.CheckInEarlyMinutes) && now <= b.SlotEnd)
            .OrderBy(b => b.SlotStart.UtcTicks).FirstOrDefault();
        return await CheckInAsync(db, open ?? found.OrderBy(b => b.Status != BookingStatus.Booked).ThenBy(b => b.SlotStart.UtcTicks).First());
    }

    private async Task<IssuedTicket> CheckInAsync(QueueDb db, HallBooking booking)
    {
        var snapshot = await halls.SnapshotAsync(booking.HallId);
        var settings = snapshot.Detail.Settings;
        var days = await calendar.ForHallAsync(booking.HallId);
        var now = time.GetUtcNow();
        if (booking.Status == BookingStatus.Booked)
        {
            if (booking.Day != days.Today(now))
                throw HallException.Conflict("booking.wrongDay", ("day", booking.Day));
            if (now < booking.SlotStart.AddMinutes(-settings.CheckInEarlyMinutes))
                throw HallException.Conflict("booking.tooEarly", ("minutes", settings.CheckInEarlyMinutes));
            if (now > booking.SlotEnd)
                throw HallException.Conflict("booking.tooLate");
        }
        booking.CheckIn(now);
        await SaveIfStillAsync(db, booking, BookingStatus.Booked);
        IssuedTicket issued;
        try
        {
            issued = await citizen.IssueBookingTicketAsync(booking.HallId, booking.Id, booking.ServiceId);
        }
        catch (HallException)
        {
            booking.UndoCheckIn();
            await SaveIfStillAsync(db, booking, BookingStatus.CheckedIn);
            throw;
        }
        booking.TicketId = issued.Ticket.Id;
        await SaveIfStillAsync(db, booking, BookingStatus.CheckedIn);
        return issued;
    }

    /// <summary>
    /// Writes the booking's state only if its status in the database is still <paramref name="expected"/>, so of
    /// two requests with the same token (a replay, a double tap) exactly one wins.
    /// </summary>
    private static async Task SaveIfStillAsync(QueueDb db, HallBooking booking, BookingStatus expected)
    {
        var rows = await db.Set<HallBooking>().Where(b => b.Id == booking.Id && b.Status == expected)
            .ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Status, booking.Status)
                .SetProperty(b => b.CheckedInAt, booking.CheckedInAt)
                .SetProperty(b => b.CancelledAt, booking.CancelledAt)
                .SetProperty(b => b.TicketId, booking.TicketId));
        if (rows == 0) throw HallException.Conflict("booking.changed");
    }

    /// <summary>Bookings whose slot ended without check-in become no-shows; too many recent ones suspend booking.</summary>
    private static async Task RefuseRepeatedNoShowsAsync(QueueDb db, string hallId, string idHash, Halls.HallSettings settings, DateTimeOffset now)
    {
        var bookings = db.Set<HallBooking>();
        await bookings.Where(b => b.HallId == hallId && b.IdHash == idHash && b.Status == BookingStatus.Booked && b.SlotEnd < now)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.NoShow));
        var since = now.AddDays(-settings.NoShowPeriodDays);
        var noShows = await bookings.Where(b => b.HallId == hallId && b.IdHash == idHash && b.Status == BookingStatus.NoShow && b.SlotStart >= since)
            .Select(b => b.SlotEnd).ToListAsync();
        if (noShows.Count < settings.NoShowLimit) return;
        var until = noShows.Max(e => e.UtcTicks) is var last ? new DateTimeOffset(last, TimeSpan.Zero).AddDays(settings.BookingBanDays) : now;
        if (now >= until) return;
        throw HallException.Conflict("booking.suspended",
            ("periodDays", settings.NoShowPeriodDays), ("missed", noShows.Count), ("until", DateOnly.FromDateTime(until.ToOffset(TimeSpan.FromHours(8)).DateTime)));
    }

    private static HallException Duplicate() =>
        HallException.Conflict("booking.duplicate");

    private async Task<(HallSnapshot Snapshot, ServiceView Service)> BookableAsync(string hallId, string serviceId)
    {
        var snapshot = await halls.SnapshotAsync(hallId);
        var service = snapshot.Detail.Services.FirstOrDefault(s => s.Id == serviceId) ?? throw HallException.NotFound("service", serviceId);
        if (!service.Bookable) throw HallException.Conflict("service.notBookable", ("service", service.Name));
        return (snapshot, service);
    }

    private void RequireWithinHorizon(WorkingCalendar days, HallSnapshot snapshot, DateOnly date)
    {
        var horizon = days.NextWorkingDays(days.Today(time.GetUtcNow()), snapshot.Detail.Settings.BookingDaysAhead);
        if (horizon.Count == 0 || date < days.Today(time.GetUtcNow()) || date > horizon[^1])
            throw HallException.Invalid("date", "invalid.date.horizon", ("days", snapshot.Detail.Settings.BookingDaysAhead));
    }

    /// <summary>Places per slot: windows serving the service × slot minutes ÷ service minutes × bookable share.</summary>
    public static int Capacity(HallSnapshot snapshot, ServiceView service)
    {
        var windows = snapshot.Detail.Windows.Count(w => w.ServiceIds.Contains(service.Id));
        var settings = snapshot.Detail.Settings;
        var share = Math.Clamp(settings.BookableShare, 0, 1);
        return (int)Math.Floor(windows * settings.BookingSlotMinutes / Math.Max(1, service.NormMinutes) * share);
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> SlotTimes(WorkingCalendar days, HallSnapshot snapshot, DateOnly date)
    {
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        if (days.HoursOn(date) is not { } hours) return result;
        var length = TimeSpan.FromMinutes(Math.Max(5, snapshot.Detail.Settings.BookingSlotMinutes));
        for (var s = hours.OpensAt; s + length <= hours.ClosesAt; s += length)
        {
            // The afternoon's slots start when the lunch break ends, not at the morning's rhythm.
            if (hours.BreakStartsAt is { } b && hours.BreakEndsAt is { } e && s < e && s + length > b) s = e;
            if (s + length <= hours.ClosesAt) result.Add((s.ToUniversalTime(), (s + length).ToUniversalTime()));
        }
        return result;
    }

    private async Task<Dictionary<long, int>> TakenAsync(string hallId, string serviceId, DateOnly date)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var starts = await db.Set<HallBooking>().AsNoTracking()
            .Where(b => b.HallId == hallId && b.ServiceId == serviceId && b.Day == date && b.Status != BookingStatus.Cancelled)
            .Select(b => b.SlotStart).ToListAsync();
        return starts.GroupBy(s => s.UtcTicks).ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task<string> FreeCodeAsync(QueueDb db, string hallId, DateOnly date)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");
            if (!await db.Set<HallBooking>().AnyAsync(b => b.HallId == hallId && b.Day == date && b.Code == code) || attempt > 20) return code;
        }
    }

    private async Task<HallBooking> HolderAsync(Guid bookingId, string? token)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var booking = await db.Set<HallBooking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId);
        if (booking is null || !TicketToken.Matches(token, booking.TokenHash)) throw HallException.NotFound("booking", bookingId.ToString());
        return booking;
    }

    private async Task<BookingView> ViewAsync(HallBooking booking)
    {
        var snapshot = await halls.SnapshotAsync(booking.HallId);
        return BookingView.Of(booking, snapshot.Detail.Services.FirstOrDefault(s => s.Id == booking.ServiceId)?.Name ?? booking.ServiceId);
    }
}
