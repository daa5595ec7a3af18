using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Queue.Silo.Hosting;
using Queue.Silo.Ratings;
using Queue.Silo.Reports;
using Queue.Silo.Seeding;
using Queue.Silo.Storage;
using Queue.Silo.Supervision;
using Queue.Web.Api;
using Queue.Web.Auth;
using Queue.Web.Citizen;
using Queue.Web.Components;
using Queue.Web.Hubs;
using Queue.Web.Infrastructure;
using Queue.Web.OpenApi;
using Queue.Web.Ratings;
using Orleans.Dashboard;
using Queue.Web.Reports;
using Radzen;

// QueueHall web host: REST API, SignalR hub and Blazor pages around the co-hosted Orleans silo of the hall engine.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 256 * 1024);

// AddOrleans rather than UseOrleans: the product's own Orleans:* keys (design.md §3) are not Orleans' provider sections.
builder.Services.AddOrleans(silo => silo.UseQueueHall(builder.Configuration).AddDashboard());
builder.Services.AddQueueSilo(builder.Configuration);
builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
    new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = ActivatorUtilities.CreateInstance<DatabaseXmlRepository>(sp)));
builder.Services.AddDataProtection().SetApplicationName("QueueHall");
builder.Services.AddQueueAuth();
builder.Services.AddForwardedClient(builder.Configuration);
builder.Services.AddQueueRateLimits(builder.Configuration);
builder.Services.AddCitizenRateLimits(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.SerializerOptions.Encoder = Json.Options.Encoder;
});
builder.Services.AddQueueOpenApi();
builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
var signalR = builder.Services.AddSignalR().AddJsonProtocol(o =>
{
    o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.PayloadSerializerOptions.Encoder = Json.Options.Encoder;
});
builder.Services.AddSingleton(HubBackplane.Add(signalR, builder.Configuration));
builder.Services.AddSingleton<TicketWatchers>();
builder.Services.AddHostedService<HubBridge>();
builder.Services.AddHallSupervision();
builder.Services.AddQueueRatings();
builder.Services.AddHostedService<PadBridge>();
builder.Services.AddQueueReports();
// Setting up a hall without the demo: the first admin, halls, matters, windows, accounts, the audit log (issue 15).
builder.Services.AddSingleton<Queue.Web.Setup.SetupToken>();
builder.Services.AddSingleton<Queue.Web.Admin.HallRights>();
builder.Services.AddSingleton<Queue.Web.Admin.HallAdministration>();
builder.Services.AddSingleton<Queue.Web.Admin.AccountAdministration>();
// Staff consoles run as interactive Blazor Server components; hall hardware and citizens' pages stay static (design.md §3).
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();
// Pages are most of what a phone downloads: compress them (static assets come precompressed, decision 0086).
builder.Services.AddResponseCompression();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();

var app = builder.Build();

await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
await app.Services.GetRequiredService<DemoSeed>().SeedIfEmptyAsync();
await app.Services.GetRequiredService<Queue.Silo.Calendar.NationalDays>().LoadMissingAsync();
await app.Services.GetRequiredService<Queue.Silo.Citizen.CitizenSecrets>().EnsureAsync();
await app.Services.GetRequiredService<Queue.Web.Setup.SetupToken>().AnnounceIfNeededAsync();

// First: everything after it (rate limits, the presence network check, absolute URLs) sees the citizen, not the proxy.
app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMethodNotAllowed();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
    SupportedUICultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
    // Chinese first whatever the browser says; English only when the visitor picks it (?culture=en or the cookie).
    RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapAuth();
app.MapHalls();
app.MapTickets();
app.MapWindows();
app.MapFloor();
app.MapHallCalendar();
app.MapBookings();
app.MapPresence();
app.MapCitizenForms();
app.MapManage();
app.MapRatings();
app.MapRatingCases();
app.MapRatingReports();
app.MapRatingExports();
app.MapRatingConsoleForms();
app.MapRatePageForm();
app.MapPadPairForm();
app.MapQueueReports();
app.MapSetup();
app.MapHallSetup();
app.MapServiceSetup();
app.MapWindowSetup();
app.MapAccounts();
app.MapAudit();
app.MapHub<HallHub>("/hubs/hall");
// The Orleans Dashboard is an operator's tool, not part of the API contract.
app.MapOrleansDashboard("/orleans").RequireAuthorization(AuthSetup.AdminPolicy).ExcludeFromDescription();
app.MapCultureSwitch();
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(typeof(Queue.Display.DisplayAssembly).Assembly);

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
