using System.Net;
using System.Text.RegularExpressions;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Ratings;

/// <summary>The ticket page (/t/{id}) links to the rating page once the ticket is done, and only then.</summary>
public sealed partial class RateLinkTests
{
    [Fact]
    public async Task TheTicketPageOffersTheRatingPageOnlyForADoneTicket()
    {
        await using var app = await QueueApp.StartAsync();
        var citizen = app.CreateClient();
        var staff = await app.SignedInAsync("staff07");
        var done = await staff.ServeAsync(citizen, 7);
        var waiting = await citizen.IssueAsync(Demo.CompanySetup);

        var link = RateLink().Match(await citizen.GetStringAsync($"/t/{done.Id}?token={Uri.EscapeDataString(done.Token!)}"));
        Assert.True(link.Success);
        Assert.DoesNotContain("hidden", link.Value);
        Assert.Contains($"href=\"/rate/{done.Id}?token={Uri.EscapeDataString(done.Token!)}\"", link.Value);
        Assert.Contains("评价本次服务", WebUtility.HtmlDecode(link.Value));

        var hidden = RateLink().Match(await citizen.GetStringAsync($"/t/{waiting.Id}?token={Uri.EscapeDataString(waiting.Token!)}"));
        Assert.True(hidden.Success);
        Assert.Contains("hidden", hidden.Value);
    }

    [GeneratedRegex("<a [^>]*id=\"rate-link\"[^>]*>[^<]*</a>")]
    private static partial Regex RateLink();
}
