using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// The real web host over a real database (SQLite file or PostgreSQL), seeded with the demo halls.
/// <see cref="StartKestrelAsync"/> puts it on a loopback port so a browser or the node SignalR client
/// can reach it; otherwise tests use the in-memory test server.
/// </summary>
public sealed class QueueApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;

    private QueueApp(TestDatabase database, IDictionary<string, string?>? extra, TimeProvider? clock)
    {
        this.database = database;
        this.clock = clock;
        settings = new Dictionary<string, string?>(database.Settings())
        {
            ["RateLimits:TicketsPerMinute"] = "100000",
            ["RateLimits:LoginsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
    }

    public TestDatabase Database => database;

    /// <summary>
    /// Builds the host (schema, seed). With <paramref name="kestrel"/> it also serves on a free loopback
    /// port (<see cref="Address"/>), for a browser or the node SignalR client.
    /// </summary>
    public static async Task<QueueApp> StartAsync(StorageKind kind = StorageKind.Sqlite, IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null, bool kestrel = false)
    {
        var db = await TestDatabase.CreateAsync(kind);
        var app = new QueueApp(db, settings, clock);
        try
        {
            if (kestrel) app.UseKestrel(0);
            app.StartServer();
            return app;
        }
        catch
        {
            // A host that refuses to start (a test of bad configuration) still leaves no database behind.
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The base address, e.g. http://127.0.0.1:41234 when on Kestrel.</summary>
    public Uri Address => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        // Only the engine's clock: Orleans' own (keyed) clocks stay on real time (SiloHosting pins them).
        if (clock is not null) builder.ConfigureServices(s =>
        {
            foreach (var engineClock in s.Where(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService).ToList()) s.Remove(engineClock);
            s.AddSingleton(clock);
        });
    }

    /// <summary>A demo-style account (password demo123) written straight to the store, e.g. a manager of the town hall, which the demo does not seed.</summary>
    public async Task AddAccountAsync(string userName, string role, string displayName, string? hallId)
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Queue.Silo.Storage.QueueDb>>().CreateDbContextAsync();
        var account = new Queue.Silo.Accounts.Account(userName, userName, role, displayName, hallId);
        Queue.Silo.Accounts.AccountService.SetPassword(account, "demo123");
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
    }

    /// <summary>An HTTP client signed in as a demo account (password demo123).</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.SignInAsync(user));
        return client;
    }

    /// <summary>
    /// The staff of the demo city hall's windows <paramref name="windows"/> sit down at them ("在此办公"): the demo opens
    /// its windows with nobody at them, and only a window with someone at it serves and enters estimates.
    /// </summary>
    public async Task AttendAsync(params int[] windows)
    {
        foreach (var n in windows) await AttendAsync($"staff{n:D2}", n, Demo.City);
    }

    /// <summary><paramref name="staff"/> sits down at window <paramref name="window"/> of <paramref name="hallId"/> (an "open" of an open window takes it).</summary>
    public async Task AttendAsync(string staff, int window, string hallId)
    {
        var client = await SignedInAsync(staff);
        var res = await client.WindowAsync(window, "open", hallId: hallId);
        // 409: already there (an earlier test of a shared app seated them).
        if (res.StatusCode != System.Net.HttpStatusCode.Conflict) res.EnsureSuccessStatusCode();
    }

    /// <summary>Staff accounts for the demo village hall, which has none, seated at its two windows.</summary>
    public async Task AttendVillageAsync()
    {
        for (var n = 1; n <= 2; n++)
        {
            await AddAccountAsync($"village-staff{n}", Queue.Silo.Accounts.Role.Staff, $"代办员{n}", Demo.Village);
            await AttendAsync($"village-staff{n}", n, Demo.Village);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
