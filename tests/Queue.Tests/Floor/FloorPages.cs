using Microsoft.Playwright;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Floor;

/// <summary>Opens the hall floor's screens in Chromium, as the hall's hardware would.</summary>
internal static class FloorPages
{
    /// <summary>What a page asks the speech engine to say, which calls it heard, and how many chime tones it played.</summary>
    public const string Recorder = """
        window.__spoken = []; window.__calls = []; window.__tones = 0;
        document.addEventListener('qh:called', e => window.__calls.push(e.detail));
        if (window.OscillatorNode) {
          const start = OscillatorNode.prototype.start;
          OscillatorNode.prototype.start = function (...a) { window.__tones++; return start.apply(this, a); };
        }
        if (window.speechSynthesis) {
          window.speechSynthesis.speak = function (u) {
            window.__spoken.push(u.text);
            setTimeout(() => u.onend && u.onend(new Event('end')), 20);
          };
        }
        """;

    public static readonly LocatorAssertionsToHaveTextOptions Second = new() { Timeout = 1000 };

    public static async Task<IPage> WallAsync(Chromium chromium, Uri address, int width = 1920, int height = 1080, string query = "")
    {
        var page = await chromium.NewPageAsync(address, width, height);
        await page.AddInitScriptAsync(Recorder);
        await page.GotoAsync($"/display/{Demo.City}{query}");
        // Rendered and joined to the hall: a call made next is pushed to this wall (live.js marks the join).
        await page.WaitForFunctionAsync("() => window.QueueHall && document.getElementById('windows').children.length > 0 && document.documentElement.dataset.hub === 'live'");
        return page;
    }

    /// <summary>A window's LED display, by default on the usual 1280×320 strip screen above the window.</summary>
    public static async Task<IPage> WindowDisplayAsync(Chromium chromium, Uri address, int window, int width = 1280, int height = 320)
    {
        var page = await chromium.NewPageAsync(address, width, height);
        await page.GotoAsync($"/display/{Demo.City}/windows/{Demo.Window(window)}");
        await page.WaitForFunctionAsync("() => document.getElementById('led').dataset.state");
        return page;
    }

    /// <summary>
    /// Fails when any line of a window display runs past its box or the screen: the strip, its text column, the
    /// window name and the status (a cut-off 暂停服务 · 请稍候 reads like 暂停服务, a closed window).
    /// </summary>
    public static async Task AssertNothingClippedAsync(IPage page)
    {
        var boxes = await page.EvaluateAsync<LedBox[]>("""
            () => ['#led', '.led-main', '.led-name', '#led-status', '.led-number'].map(selector => {
              const e = document.querySelector(selector);
              const right = Math.max(...[e, ...e.querySelectorAll('*')].map(x => x.getBoundingClientRect().right));
              return { selector, text: e.innerText, scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, right, screen: innerWidth };
            })
            """);
        foreach (var b in boxes)
        {
            Assert.True(b.ScrollWidth <= b.ClientWidth, $"{b.Selector} \"{b.Text}\" is clipped: {b.ScrollWidth}px of text in {b.ClientWidth}px");
            Assert.True(b.Right <= b.Screen, $"{b.Selector} \"{b.Text}\" runs off the screen: right edge {b.Right}px of {b.Screen}px");
        }
    }

    // Playwright fills a result type through its setters.
    private sealed class LedBox
    {
        public string Selector { get; set; } = "";
        public string Text { get; set; } = "";
        public double ScrollWidth { get; set; }
        public double ClientWidth { get; set; }
        public double Right { get; set; }
        public double Screen { get; set; }
    }

    public static async Task<IPage> TerminalAsync(Chromium chromium, Uri address, int window)
    {
        var page = await chromium.NewPageAsync(address, 1280, 900);
        await page.GotoAsync($"/terminal/{Demo.City}/{Demo.Window(window)}");
        await page.FillAsync("input[name=username]", $"staff{window:D2}");
        await page.FillAsync("input[name=password]", "demo123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#state.badge.state-open, #state.badge.state-closed, #state.badge.state-serving, #state.badge.state-paused");
        return page;
    }

    /// <summary>Live DOM nodes and JavaScript event listeners after a forced garbage collection (Chromium's own counters).</summary>
    public static async Task<(double Nodes, double Listeners)> MemoryAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var result = await cdp.SendAsync("Performance.getMetrics");
        double nodes = 0, listeners = 0;
        foreach (var m in result!.Value.GetProperty("metrics").EnumerateArray())
        {
            var name = m.GetProperty("name").GetString();
            if (name == "Nodes") nodes = m.GetProperty("value").GetDouble();
            if (name == "JSEventListeners") listeners = m.GetProperty("value").GetDouble();
        }
        await cdp.DetachAsync();
        return (nodes, listeners);
    }

    /// <summary>The sentence the wall speaks: ticket digits one by one, the window as a number.</summary>
    public static string Spoken(string ticketNumber, string windowWords, bool recall = false)
    {
        const string digits = "零一二三四五六七八九";
        var ticket = string.Concat(ticketNumber.Select(c => char.IsAsciiDigit(c) ? digits[c - '0'] : c));
        var text = $"请 {ticket} 号到 {windowWords} 号窗口办理";
        return recall ? "重复呼叫，" + text : text;
    }
}
