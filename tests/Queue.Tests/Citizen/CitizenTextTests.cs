using System.Globalization;
using Queue.Web.Citizen;

namespace Queue.Tests.Citizen;

/// <summary>A bilingual refusal is shown in the visitor's language only, whichever way the halves are joined.</summary>
public sealed class CitizenTextTests
{
    [Theory]
    [InlineData("未找到今天在市民中心的预约。/ No booking for today at this hall.", "zh-CN", "未找到今天在市民中心的预约。")]
    [InlineData("未找到今天在市民中心的预约。/ No booking for today at this hall.", "en", "No booking for today at this hall.")]
    [InlineData("工作人员账号不能评价 / Hall accounts cannot rate.", "zh-CN", "工作人员账号不能评价")]
    [InlineData("工作人员账号不能评价 / Hall accounts cannot rate.", "en", "Hall accounts cannot rate.")]
    [InlineData("补办/转移回流", "en", "补办/转移回流")] // a slash inside one language is not the seam
    [InlineData("Window 5 has no current ticket.", "zh-CN", "Window 5 has no current ticket.")]
    public void TheVisitorReadsTheirHalf(string message, string culture, string shown)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { Assert.Equal(shown, CitizenText.Pick(message)); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
