using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Queue.Display.Shared;
using Queue.Silo.Engine;

namespace Queue.Tests.Citizen;

/// <summary>
/// A refusal is shown in the visitor's language only, worded from its key and arguments, and worded once: a page a
/// form's redirect brought back says exactly what the API's problem details say.
/// </summary>
public sealed class FormRefusalTests
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer<Refusals> R = RefusalWording.Shared;

    [Theory]
    [InlineData("zh-CN", "未找到今天在市民中心的预约。")]
    [InlineData("en", "No booking for today at this hall.")]
    public void TheVisitorReadsTheirLanguage(string culture, string shown)
    {
        var refusal = new HallException(RefusalKind.NotFound, "booking.notFound", "booking.notFound", ("hall", "市民中心"));
        InCulture(culture, () => Assert.Equal(shown, R.Of(refusal)));
    }

    [Fact]
    public void AKeyWithoutWordingIsShownAsItIs()
    {
        var refusal = HallException.Invalid("name", "请填写窗口号和名称。");
        Assert.Equal("请填写窗口号和名称。", R.Of(refusal));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void AFormsRedirectBringsBackTheSameWordsAsTheApi(string culture)
    {
        HallException[] refusals =
        [
            HallException.Conflict("booking.cutoff", ("minutes", 90)),
            new(RefusalKind.Conflict, "booking.suspended", "booking.suspended", ("days", 30), ("count", 3), ("until", "2026-12-31")),
            HallException.Invalid("phone", "invalid.phone.mobile"),
            HallException.Conflict("ticket.onePerPhone", ("service", "社会保险参保登记")),
        ];
        InCulture(culture, () =>
        {
            foreach (var refusal in refusals)
            {
                var query = QueryHelpers.ParseQuery("?" + FormRefusal.Query(refusal));
                var shown = FormRefusal.Words(R, null!, query["error"], query["why"], query.TryGetValue("arg", out var a) ? [.. a.Select(x => x ?? "")] : null);
                var api = refusal.Errors is { } errors ? R.Of(errors.Values.First()[0]) : R.Of(refusal);
                Assert.Equal(api, shown);
                Assert.DoesNotContain("{", shown);
            }
            Assert.Equal("invalid.phone", QueryHelpers.ParseQuery("?" + FormRefusal.Query(refusals[2]))["error"]); // the page marks the field by it
        });
    }

    private static void InCulture(string culture, Action check)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { check(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
