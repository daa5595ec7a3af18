using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Queue.Display.Shared;
using Queue.Silo.Engine;

namespace Queue.Tests.Infrastructure;

/// <summary>
/// A refusal carries a code and arguments and is worded at the edge: the same refusal reads Chinese by default and
/// English when an API client asks with Accept-Language, with the same code; every key the code uses has both wordings.
/// </summary>
public sealed partial class RefusalWordingTests : IAsyncLifetime
{
    private QueueApp app = null!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<(HttpStatusCode Status, ProblemDto Problem)> SetupAsync(object body, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/setup") { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var res = await app.CreateClient().SendAsync(request);
        return (res.StatusCode, await res.ProblemAsync());
    }

    [Fact]
    public async Task AConflictReadsChineseByDefaultAndEnglishOnAsk()
    {
        var body = new { username = "second-admin", password = "a-long-and-unusual-passphrase-42", displayName = "Second" };
        var (zhStatus, zh) = await SetupAsync(body, null);
        var (enStatus, en) = await SetupAsync(body, "en");
        Assert.Equal(HttpStatusCode.Conflict, zhStatus);
        Assert.Equal(HttpStatusCode.Conflict, enStatus);
        Assert.Equal("setup.done", zh.Code);
        Assert.Equal(zh.Code, en.Code);
        Assert.Equal("系统已完成初始化，请用已有账号登录。", zh.Detail);
        Assert.Equal("QueueHall is set up already; sign in with an existing account.", en.Detail);
    }

    [Fact]
    public async Task FieldErrorsReadChineseByDefaultAndEnglishOnAsk()
    {
        var (zhStatus, zh) = await SetupAsync(new { }, "zh-CN");
        var (enStatus, en) = await SetupAsync(new { }, "en-US,en;q=0.9");
        Assert.Equal(HttpStatusCode.BadRequest, zhStatus);
        Assert.Equal(HttpStatusCode.BadRequest, enStatus);
        Assert.Equal("validation", zh.Code);
        Assert.Equal(zh.Code, en.Code);
        Assert.Equal(["请填写 password。"], zh.Errors!["password"]);
        Assert.Equal(["password is required."], en.Errors!["password"]);
        Assert.StartsWith("缺少必填项：", zh.Detail);
        Assert.StartsWith("Missing values: ", en.Detail);
    }

    [Fact]
    public async Task PagesDoNotFollowTheBrowsersLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/kiosk/{Demo.City}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var res = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("lang=\"zh", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public void TheHelperWordsARefusalInTheCurrentCulture()
    {
        var refusal = HallException.Conflict("window.noTicket", ("number", 5));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("5号窗口当前没有号票。", RefusalWording.Shared.Of(refusal));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Window 5 has no current ticket.", RefusalWording.Shared.Of(refusal));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    // The shapes in which src/ names a wording's key: Conflict("code"), Invalid("field", "key"), new HallException(kind, "code", "key"),
    // a field error new("key") / new FieldError("key") / errors.Add("field", "key"), a helper Refuse("code", "key"),
    // a key picked in a switch or a ternary ("key" =>, ? "key" : "key"), and the edge's own Word("key").
    [GeneratedRegex("""
        (?:Conflict\(\s*"(?<k>[^"]+)")
        |(?:Invalid\(\s*[^,()]+,\s*"(?<k>[^"]+)")
        |(?:(?:new\s*HallException|new|Forbidden)\(\s*(?:Queue\.Silo\.Engine\.)?RefusalKind\.\w+,\s*"[^"]+",\s*"(?<k>[^"]+)")
        |(?:(?:new(?:\s+FieldError)?|Add)\(\s*(?:[\w.]+,\s*|"[^"]*",\s*)?"(?<k>(?:invalid|validation)[\w.]*)")
        |(?:Refuse\(\s*"[^"]+",\s*"(?<k>[^"]+)")
        |(?:"(?<k>[a-z]+\.[A-Za-z]+\.[A-Za-z]+)"\s*(?:=>|:|\)))
        |(?:\?\s*"(?<k>[a-z]+\.[A-Za-z]+\.[A-Za-z]+)"\s*:)
        |(?:Word\(\s*"(?<k>[^"]+)")
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex KeyUse();

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Repo(), "src/Queue.Display/Resources/Shared", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    [Fact]
    public void EveryKeyTheCodeUsesHasAChineseAndAnEnglishWording()
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            if (!text.Contains("HallException") && !text.Contains("FieldError") && !text.Contains("Refusals")) continue;
            foreach (Match m in KeyUse().Matches(text))
            {
                var key = m.Groups["k"].Value;
                // Only key-shaped literals: a wording still written as a sentence is not a key (and shows as it is).
                if (Regex.IsMatch(key, @"^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)*$")) used.Add(key);
            }
        }
        // Keys the code builds rather than names: NotFound's, and the codes of the problem details the edge writes itself.
        used.UnionWith(["notFound", "hall.unavailable", "storage.busy", "idempotency.badKey", "idempotency.inProgress", "idempotency.keyReused"]);
        Assert.True(used.Count > 120, $"the scan found only {used.Count} keys; has a call shape changed?");

        var zh = Keys("Refusals.resx");
        var en = Keys("Refusals.en.resx");
        var missingZh = used.Where(k => !zh.Contains(k)).ToList();
        var missingEn = used.Where(k => !en.Contains(k)).ToList();
        Assert.True(missingZh.Count == 0, "missing in Refusals.resx: " + string.Join(", ", missingZh));
        Assert.True(missingEn.Count == 0, "missing in Refusals.en.resx: " + string.Join(", ", missingEn));
        Assert.Equal(zh.Order(StringComparer.Ordinal), en.Order(StringComparer.Ordinal));
    }
}
