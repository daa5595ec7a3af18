using System.Net;
using System.Net.Http.Json;
using System.Text;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Api;

/// <summary>
/// Issue 18's findings: a null, missing or wrong-typed field anywhere in a body is a 400 naming the field
/// and changes nothing; an unknown hall is 404 everywhere; a GET on a POST-only route is 405 with Allow.
/// </summary>
public sealed class BodyShapeTests : IAsyncLifetime
{
    private QueueApp app = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        app = await QueueApp.StartAsync();
        admin = await app.SignedInAsync("admin");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<long> SeqAsync() =>
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/halls/{Demo.City}/board")).GetProperty("seq").GetInt64();

    private static async Task ExpectFieldError(HttpResponseMessage res, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        var problem = await res.ProblemAsync();
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"expected an error for {field}, got {string.Join(", ", problem.Errors?.Keys.AsEnumerable() ?? [])}");
    }

    [Fact]
    public async Task A_null_opening_hours_entry_is_a_400_naming_it_and_an_unknown_hall_is_404()
    {
        var url = $"/api/halls/{Demo.City}/calendar/hours";
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"hours":[null]}""")), "hours[0]");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"hours":[{"weekday":"monday","opens":"09:00"}]}""")), "hours[0].closes");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"hours":[{"weekday":"monday","opens":5,"closes":"17:00"}]}""")), "hours[0].opens");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"hours":null}""")), "hours");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync("/api/halls/no-such-hall/calendar/hours", Json("""{"hours":[]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/halls/no-such-hall/calendar")).StatusCode);
        var calendar = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/halls/{Demo.City}/calendar");
        Assert.False(calendar.GetProperty("hasOpeningHours").GetBoolean());
    }

    [Fact]
    public async Task Nulls_in_a_rating_policy_are_400s_naming_the_field_and_the_policy_stays()
    {
        var url = $"/api/halls/{Demo.City}/rating-policy";
        var before = await admin.GetStringAsync(url);
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"weights":null}""")), "weights");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"tags":null}""")), "tags");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"tags":{"satisfied":null}}""")), "tags.satisfied");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"tags":{"satisfied":[null]}}""")), "tags.satisfied[0]");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"weights":[10,8,null,3,0]}""")), "weights[2]");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"defaultAfterDays":"many"}""")), "defaultAfterDays");
        Assert.Equal(before, await admin.GetStringAsync(url));
    }

    [Fact]
    public async Task An_unknown_hall_is_404_for_its_policy_ratings_cases_and_exports()
    {
        foreach (var url in new[]
        {
            "/api/halls/no-such-hall/rating-policy", "/api/ratings?hallId=no-such-hall", "/api/rating-cases?hallId=no-such-hall",
            "/api/ratings/export.csv?hallId=no-such-hall", "/api/rating-cases/export.xlsx?hallId=no-such-hall",
            "/api/halls/no-such-hall/alerts", "/api/halls/no-such-hall/advice",
        })
        {
            var res = await admin.GetAsync(url);
            Assert.True(res.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)res.StatusCode}");
            Assert.Equal("hall.notFound", (await res.ProblemAsync()).Code);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync("/api/halls/no-such-hall/rating-policy", Json("{}"))).StatusCode);
    }

    [Fact]
    public async Task Notices_need_their_text_and_an_empty_text_clears_them()
    {
        var url = $"/api/halls/{Demo.City}/notices";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(url, Json("""{"text":"今日 16:30 停止取号"}"""))).StatusCode);
        var before = await SeqAsync();
        await ExpectFieldError(await admin.PutAsync(url, Json("{}")), "text");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"text":null}""")), "text");
        await ExpectFieldError(await admin.PutAsync(url, Json("""{"text":7}""")), "text");
        Assert.Equal(before, await SeqAsync());
        Assert.Single((await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("lines").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(url, Json("""{"text":""}"""))).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Nulls_inside_lists_and_missing_required_fields_are_named()
    {
        var before = await SeqAsync();
        var window = $"/api/halls/{Demo.City}/windows/{Demo.Window(1)}";
        await ExpectFieldError(await admin.PutAsync($"{window}/services", Json("""{"serviceIds":[null]}""")), "serviceIds[0]");
        await ExpectFieldError(await admin.PutAsync($"{window}/services", Json("""{"serviceIds":[1]}""")), "serviceIds[0]");
        await ExpectFieldError(await admin.PostAsync($"{window}/complete", Json("""{"outcome":"done","missingMaterials":[null]}""")), "missingMaterials[0]");
        await ExpectFieldError(await admin.PostAsync($"{window}/transfer", Json("""{"windowId":"x"}""")), "serviceId");
        var anonymous = app.CreateClient();
        await ExpectFieldError(await anonymous.PostAsync($"/api/halls/{Demo.City}/bookings", Json("""{"serviceId":"x","name":"张三"}""")), "slotStart");
        await ExpectFieldError(await anonymous.PostAsync($"/api/tickets/{Guid.NewGuid()}/rating", Json("""{"token":"t","level":"satisfied","tags":[null]}""")), "tags[0]");
        await ExpectFieldError(await anonymous.PostAsync("/api/auth/login", Json("""{"username":"admin"}""")), "password");
        Assert.Equal(before, await SeqAsync());
    }

    [Fact]
    public async Task A_get_on_a_post_only_route_is_405_with_allow()
    {
        var anonymous = app.CreateClient();
        foreach (var url in new[] { $"/api/halls/{Demo.City}/tickets", "/api/auth/login", $"/api/halls/{Demo.City}/windows/{Demo.Window(1)}/call-next" })
        {
            var res = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, res.StatusCode);
            Assert.Contains("POST", res.Content.Headers.Allow);
            Assert.Equal(405, (await res.ProblemAsync()).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/no-such-route")).StatusCode);
    }
}
