using System.Globalization;
using System.Text.RegularExpressions;
using Queue.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Queue.Tests.Floor;

/// <summary>
/// The wall's call banner across the hall (issue 17, defect 1): the called number and the banner's text keep a contrast
/// of at least 7:1 at every moment of the flash, sampled from Chromium's computed colours on every animation frame; and
/// the wall names who should get ready next.
/// </summary>
[Collection("Timing")]
public sealed partial class WallReadabilityTests
{
    private const double Required = 7.0;

    [Fact]
    public async Task TheCalledNumberStaysReadableThroughTheWholeFlashAndTheWallSaysWhoIsNext()
    {
        await using var app = await QueueApp.StartAsync(kestrel: true);
        var citizen = app.CreateClient();
        var manager = await app.SignedInAsync("manager");
        await app.AttendAsync(5); // staff05 at window 5: only a window with someone at it calls, so only it names who is next
        var first = await citizen.IssueAsync(Demo.SocialInsurance);
        var second = await citizen.IssueAsync(Demo.SocialInsurance);
        await using var chromium = await Chromium.LaunchAsync();
        var wall = await FloorPages.WallAsync(chromium, app.Address);
        await Expect(wall.Locator("#next")).ToContainTextAsync($"请 {first.Number} 号准备");

        // Sample every frame from before the call until the 5 s flash is over.
        var sampling = wall.EvaluateAsync<Sample[]>(Sampler);
        await wall.WaitForTimeoutAsync(200);
        (await manager.WindowAsync(5, "call-next")).EnsureSuccessStatusCode();
        await Expect(wall.Locator("#latest.flash")).ToBeVisibleAsync(new() { Timeout = 1000 });
        await wall.WaitForTimeoutAsync(1500); // the second flash's yellow half
        await Chromium.ScreenshotAsync(wall, "floor-wall-flash");
        var samples = (await sampling).Where(s => s.Number is not null).ToList();

        var flashing = samples.Where(s => s.Flashing).ToList();
        Assert.True(flashing.Count > 50, $"only {flashing.Count} frames sampled during the flash");
        Assert.True(flashing.Select(s => s.Background).Distinct().Count() >= 2, "the banner never changed colour: no flash was sampled");
        var worst = samples.Select(s => (s, Number: Contrast(s.Number!, s.Background), Text: Contrast(s.Text, s.Background)))
            .OrderBy(x => Math.Min(x.Number, x.Text)).First();
        Console.WriteLine($"[wall-contrast] {samples.Count} samples ({flashing.Count} flashing), {samples.Select(s => s.Background).Distinct().Count()} backgrounds; " +
            $"lowest number {samples.Min(s => Contrast(s.Number!, s.Background)):0.00}:1, lowest text {samples.Min(s => Contrast(s.Text, s.Background)):0.00}:1");
        Assert.True(worst.Number >= Required && worst.Text >= Required,
            $"at {worst.s.At:0} ms the number {worst.s.Number} ({worst.Number:0.00}:1) or text {worst.s.Text} ({worst.Text:0.00}:1) on {worst.s.Background}");

        await Expect(wall.Locator("#latest .latest-number")).ToHaveTextAsync(first.Number);
        await Expect(wall.Locator("#next")).ToContainTextAsync($"请 {second.Number} 号准备");
    }

    /// <summary>Collects the banner's background, the number's and the text's computed colours on each frame for 6.5 s.</summary>
    private const string Sampler = """
        () => new Promise(resolve => {
          const latest = document.getElementById('latest'), samples = [], start = performance.now();
          function frame() {
            const number = latest.querySelector('.latest-number'), css = getComputedStyle(latest);
            samples.push({ at: performance.now() - start, background: css.backgroundColor, text: css.color,
                           number: number ? getComputedStyle(number).color : null, flashing: latest.classList.contains('flash') });
            if (performance.now() - start < 6500) requestAnimationFrame(frame); else resolve(samples);
          }
          requestAnimationFrame(frame);
        })
        """;

    // Playwright fills a result type through its setters.
    private sealed class Sample
    {
        public double At { get; set; }
        public string Background { get; set; } = "";
        public string Text { get; set; } = "";
        public string? Number { get; set; }
        public bool Flashing { get; set; }
    }

    /// <summary>WCAG 2 contrast ratio of two computed colours (rgb()/rgba(), opaque).</summary>
    internal static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string css)
    {
        var c = Rgb().Match(css);
        if (!c.Success) throw new FormatException($"not an rgb() colour: {css}");
        double Channel(int i)
        {
            var v = double.Parse(c.Groups[i].Value, CultureInfo.InvariantCulture) / 255;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)")]
    private static partial Regex Rgb();
}
