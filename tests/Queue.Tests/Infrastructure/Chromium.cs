using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). Flags as this
/// machine needs them: no sandbox as root, no background network calls that the closed network refuses.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    // Requests sent and not yet answered, per page: a navigation that never reaches "load" is then reported
    // with the request it was waiting for (decisions 0073, 0076).
    private readonly ConcurrentDictionary<Microsoft.Playwright.IRequest, (IPage Page, long SentAt)> open = new();

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        // An assertion waits for the page to get there; 5 s is short for two cores shared with servers under test.
        Assertions.SetDefaultExpectTimeout(15_000);
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    // The machine has no sound card: play into Chromium's null audio output instead of probing PulseAudio and ALSA in every browser.
                    "--disable-audio-output"],
        });
        return new Chromium(pw, browser);
    }

    // Per page, when its current document was committed and parsed: a document never parsed is reported at
    // close with whether the renderer still answers (decisions 0073, 0076).
    private readonly ConcurrentDictionary<IPage, (long Committed, long Parsed, string Url)> docs = new();

    /// <summary>A page in a fresh context of the given size (phone 390×844, wall 1920×1080, kiosk 1080×1920).</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, int width = 1280, int height = 800, string? locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        var page = await context.NewPageAsync();
        page.Request += (_, r) => open[r] = (page, Stopwatch.GetTimestamp());
        page.RequestFinished += (_, r) => open.TryRemove(r, out var _);
        page.RequestFailed += (_, r) => open.TryRemove(r, out var _);
        page.FrameNavigated += (_, f) => { if (f == page.MainFrame) docs[page] = (Stopwatch.GetTimestamp(), 0, f.Url); };
        page.DOMContentLoaded += (_, _) => docs.AddOrUpdate(page, _ => (0, Stopwatch.GetTimestamp(), ""), (_, d) => d with { Parsed = Stopwatch.GetTimestamp() });
        return page;
    }

    /// <summary>Requests the browser has waited on for more than 10 s, e.g. the one a stuck navigation needs.</summary>
    private IReadOnlyList<string> LongOpenRequests() =>
        [.. open.Where(o => Stopwatch.GetElapsedTime(o.Value.SentAt) > TimeSpan.FromSeconds(10))
            .Select(o => $"{o.Key.Method} {o.Key.Url} ({o.Key.ResourceType}{(o.Key.IsNavigationRequest ? ", navigation" : "")}) " +
                $"open {Stopwatch.GetElapsedTime(o.Value.SentAt).TotalSeconds:0.0} s, page at {o.Value.Page.Url}")];

    /// <summary>
    /// For a page a click navigated to: wait until its URL is committed, no lifecycle event at all; what the tests
    /// check next waits for itself (decision 0103). Waiting for DOMContentLoaded timed out once in CI with the
    /// document's "load" already logged, and "load" before it hung while phone pages opened audio (decision 0076).
    /// </summary>
    public static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Saves a screenshot under artifacts/screenshots for a person to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ScreenshotDir, name + ".png"), FullPage = false });

    public async ValueTask DisposeAsync()
    {
        // Printed into the test run's output next to the server's log, where a failing test is looked into.
        foreach (var line in LongOpenRequests()) Console.Error.WriteLine("[chromium] request still open at close: " + line);
        foreach (var (page, d) in docs.Where(d => d.Value.Parsed == 0 && d.Value.Committed != 0 && Stopwatch.GetElapsedTime(d.Value.Committed) > TimeSpan.FromSeconds(10)))
        {
            var probe = page.EvaluateAsync<string>("document.readyState + ' ' + location.href");
            var answered = await Task.WhenAny(probe, Task.Delay(3000)) == probe;
            Console.Error.WriteLine($"[chromium] document never parsed: {d.Url} committed {Stopwatch.GetElapsedTime(d.Committed).TotalSeconds:0.0} s ago; " +
                (answered ? $"renderer answers: {(probe.IsCompletedSuccessfully ? probe.Result : probe.Exception?.GetBaseException().Message)}" : "renderer does not answer in 3 s"));
        }
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
