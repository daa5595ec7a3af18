using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Setup;

/// <summary>A database without the demo starts with no account; the first admin is made once, by someone who holds the setup token.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task TheFirstAdminNeedsTheTokenFromTheLogIsMadeOnceAndThenEverySetUpIsAConflict()
    {
        await using var app = await SetupCalls.FreshAsync();
        var anyone = app.CreateClient();
        Assert.Empty((await anyone.GetFromJsonAsync<List<object>>("/api/halls"))!);
        // No default password exists: nobody signs in to an empty database.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "demo123" })).StatusCode);

        var body = new { username = "director", password = SetupCalls.AdminPassword, displayName = "中心主任" };
        Assert.Equal("setup.token", (await (await anyone.SetUpAsync(body, token: null)).JsonAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        await (await anyone.SetUpAsync(body, token: "wrong-token-wrong-token")).JsonAsync(HttpStatusCode.Forbidden);

        // Bad input names the field and creates nobody.
        var shortPassword = await (await anyone.SetUpAsync(new { username = "director", password = "short", displayName = "主任" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(shortPassword.GetProperty("errors").TryGetProperty("password", out _));
        var badName = await (await anyone.SetUpAsync(new { username = "直 任", password = SetupCalls.AdminPassword, displayName = "主任" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(badName.GetProperty("errors").TryGetProperty("username", out _));
        var missing = await (await anyone.SetUpAsync(new { username = "director", password = SetupCalls.AdminPassword })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("displayName", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "director", password = SetupCalls.AdminPassword })).StatusCode);

        var created = await (await anyone.SetUpAsync(body)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("admin", created.GetProperty("role").GetString());
        Assert.False(created.TryGetProperty("passwordHash", out _));
        Assert.Equal("setup.done", (await (await anyone.SetUpAsync(new { username = "second", password = SetupCalls.AdminPassword, displayName = "x" })).JsonAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var admin = await app.SignedInAsync("director", SetupCalls.AdminPassword);
        var audit = await (await admin.GetAsync("/api/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("setup", audit[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task TheSetupFormSaysTheApisWordsForARefusalAndALinkCannotPutWordsOnThePage()
    {
        await using var app = await SetupCalls.FreshAsync();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "director", ["displayName"] = "中心主任", ["password"] = "short", ["setupToken"] = SetupCalls.Token,
        });
        var res = await browser.PostAsync("/setup", form);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var back = res.Headers.Location!.ToString();
        Assert.StartsWith("/setup?error=invalid.password&why=", back);

        var api = await app.CreateClient().SetUpAsync(new { username = "director", displayName = "中心主任", password = "short" });
        var wording = (await api.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("password")[0].GetString()!;
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(back));
        Assert.Contains($"id=\"setup-error\">{wording}<", page);
        Assert.Contains("name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"8\" aria-invalid=\"true\"", page);

        // Words typed into a link are not the page's: an unknown wording reads as a plain failure, free text not at all.
        page = WebUtility.HtmlDecode(await browser.GetStringAsync("/setup?error=invalid.password&why=请拨打12345&message=请拨打12345"));
        Assert.DoesNotContain("请拨打12345", page);
        Assert.Contains("id=\"setup-error\">操作未成功，请重试。<", page);
        Assert.False(await app.Services.GetRequiredService<Queue.Silo.Accounts.AccountService>().AnyAsync());
    }

    [Fact]
    public async Task FiveWrongPasswordsLockAnAccountAResetUnlocksItAndEveryAccountChangesItsOwnPassword()
    {
        await using var app = await SetupCalls.FreshAsync();
        var admin = await app.FirstAdminAsync();
        await (await admin.PostAsJsonAsync("/api/halls", new { id = "haimen", name = "海门区政务服务中心", level = "city", regionCode = "320684" })).JsonAsync(HttpStatusCode.Created);
        var staff = await (await admin.PostAsJsonAsync("/api/accounts", new { username = "zhang", displayName = "张三", role = "staff", hallId = "haimen", staffNumber = "HM001", password = "Zhang-0001" }))
            .JsonAsync(HttpStatusCode.Created);
        var id = staff.GetProperty("id").GetString();

        var anyone = app.CreateClient();
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "zhang", password = "wrong-" + i })).StatusCode);
        var fifth = await (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "zhang", password = "wrong-5" })).JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("account.locked", fifth.GetProperty("code").GetString());
        // Locked: even the right password is refused now.
        Assert.Equal("account.locked", (await (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "zhang", password = "Zhang-0001" })).JsonAsync(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());

        await (await admin.PostAsJsonAsync($"/api/accounts/{id}/reset-password", new { newPassword = "Zhang-0002" })).JsonAsync(HttpStatusCode.OK);
        var zhang = await app.SignedInAsync("zhang", "Zhang-0002");
        var wrongCurrent = await (await zhang.PostAsJsonAsync("/api/account/password", new { currentPassword = "nope-nope", newPassword = "Zhang-0003" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongCurrent.GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await zhang.PostAsJsonAsync("/api/account/password", new { currentPassword = "Zhang-0002", newPassword = "Zhang-0003" })).StatusCode);
        await app.SignedInAsync("zhang", "Zhang-0003");

        // A disabled account cannot sign in, with the right password or not.
        await (await admin.PostAsync($"/api/accounts/{id}/disable", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync("/api/auth/login", new { username = "zhang", password = "Zhang-0003" })).StatusCode);
        var actions = (await (await admin.GetAsync("/api/audit")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("account.resetPassword", actions);
        Assert.Contains("account.changeOwnPassword", actions);
        Assert.Contains("account.disable", actions);
        // The log never holds a password or its hash.
        Assert.DoesNotContain("Zhang-000", await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("AQAAAA", await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisablingAResetOrAChangedPasswordEndsTheSessionsSignedInBeforeAndANewNameDoesNot()
    {
        await using var app = await SetupCalls.FreshAsync();
        var admin = await app.FirstAdminAsync();
        await (await admin.PostAsJsonAsync("/api/halls", new { id = "haimen", name = "海门区政务服务中心", level = "city", regionCode = "320684" })).JsonAsync(HttpStatusCode.Created);
        var id = (await (await admin.PostAsJsonAsync("/api/accounts", new { username = "li", displayName = "李四", role = "staff", hallId = "haimen", staffNumber = "HM002", password = "Li-Si-0001" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        // Signed in (400: the wrong current password was checked) or not any more (401). Changes nothing either way.
        static async Task<HttpStatusCode> Probe(HttpClient c) =>
            (await c.PostAsJsonAsync("/api/account/password", new { currentPassword = "not-it-at-all", newPassword = "Li-Si-9999" })).StatusCode;

        var token = await app.SignedInAsync("li", "Li-Si-0001");
        var cookie = app.CreateClient();
        (await cookie.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "li", ["password"] = "Li-Si-0001" }))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, await Probe(token));
        Assert.Equal(HttpStatusCode.BadRequest, await Probe(cookie));

        // A new display name leaves the sessions as they are.
        await (await admin.PutAsJsonAsync($"/api/accounts/{id}", new { displayName = "李四（窗口）", role = "staff", hallId = "haimen", staffNumber = "HM002" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, await Probe(token));

        // A reset ends the token and the cookie signed in with the old password; the new password signs in.
        await (await admin.PostAsJsonAsync($"/api/accounts/{id}/reset-password", new { newPassword = "Li-Si-0002" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(cookie));
        var second = await app.SignedInAsync("li", "Li-Si-0002");
        var third = await app.SignedInAsync("li", "Li-Si-0002");
        Assert.Equal(HttpStatusCode.BadRequest, await Probe(second));

        // The account's own change of password ends its other sessions, and this one: sign in again with the new one.
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsJsonAsync("/api/account/password", new { currentPassword = "Li-Si-0002", newPassword = "Li-Si-0003" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(third));
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(second));
        var fourth = await app.SignedInAsync("li", "Li-Si-0003");

        // Disabled: the session signed in a moment ago ends at once, not when its 12 hours are up.
        await (await admin.PostAsync($"/api/accounts/{id}/disable", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await Probe(fourth));
        await (await admin.PostAsync($"/api/accounts/{id}/enable", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, await Probe(await app.SignedInAsync("li", "Li-Si-0003")));
        // The administrator's own session went on through all of it.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit")).StatusCode);
    }
}
