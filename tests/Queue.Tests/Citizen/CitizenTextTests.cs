using System.Globalization;
using Queue.Silo.Engine;
using Queue.Web.Citizen;

namespace Queue.Tests.Citizen;

/// <summary>A refusal is shown in the visitor's language only, worded from its key and arguments.</summary>
public sealed class CitizenTextTests
{
    [Theory]
    [InlineData("zh-CN", "未找到今天在市民中心的预约。")]
    [InlineData("en", "No booking for today at this hall.")]
    public void TheVisitorReadsTheirLanguage(string culture, string shown)
    {
        var refusal = new HallException(RefusalKind.NotFound, "booking.notFound", "booking.notFound", ("hall", "市民中心"));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { Assert.Equal(shown, CitizenText.Of(null!, refusal)); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void AKeyWithoutWordingIsShownAsItIs()
    {
        var refusal = HallException.Invalid("name", "请填写窗口号和名称。");
        Assert.Equal("请填写窗口号和名称。", CitizenText.Of(null!, refusal));
    }
}
