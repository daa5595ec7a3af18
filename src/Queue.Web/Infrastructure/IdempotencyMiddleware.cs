using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Idempotency;
using Queue.Silo.Storage;

namespace Queue.Web.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> of design.md §4 on every API POST: the same key with the same body within 24 hours
/// gets the first answer again and changes nothing; with another body, 422. The key is taken (stored, in progress)
/// before the request runs, so two copies racing each other run once: the second gets 409 until the first has
/// answered. Only a successful answer is kept; a refusal changed nothing, so a retry may run again. Decision 0084.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDbContextFactory<QueueDb> dbs, IDataProtectionProvider protection,
    TimeProvider time, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Kept = TimeSpan.FromHours(24);
    private readonly IDataProtector protector = protection.CreateProtector("QueueHall.Idempotency");
    private long nextPurge;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api") ||
            !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var clientKey = values.ToString();
        if (clientKey.Length is 0 or > 200 || clientKey.Any(char.IsControl))
        {
            await Problem(http, StatusCodes.Status400BadRequest, "idempotency.badKey");
            return;
        }
        http.Request.EnableBuffering();
        var requestHash = await HashBodyAsync(http.Request);
        var key = Hex($"{http.User.Identity?.Name}\n{http.Request.Path}{http.Request.QueryString}\n{clientKey}");
        var now = time.GetUtcNow();
        await PurgeOldAsync(now);

        if (!await TryTakeAsync(key, requestHash, now))
        {
            await AnswerFromRecordAsync(http, key, requestHash, now);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                await KeepAsync(key, http.Response, buffer.ToArray());
                kept = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            // A refusal or a failure changed nothing: free the key so the client's retry runs again.
            if (!kept) await ReleaseAsync(key);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private async Task<bool> TryTakeAsync(string key, string requestHash, DateTimeOffset now)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var stale = await db.Set<IdempotencyRecord>().FirstOrDefaultAsync(r => r.Key == key);
        if (stale is not null)
        {
            if (now - stale.CreatedAt < Kept) return false;
            db.Remove(stale);
        }
        db.Add(new IdempotencyRecord { Key = key, RequestHash = requestHash, Status = 0, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // The same key taken a moment ago by a concurrent copy of this request.
            return false;
        }
    }

    private async Task AnswerFromRecordAsync(HttpContext http, string key, string requestHash, DateTimeOffset now)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key);
        if (record is null || now - record.CreatedAt >= Kept)
        {
            await Problem(http, StatusCodes.Status409Conflict, "idempotency.inProgress");
            return;
        }
        if (record.RequestHash != requestHash)
        {
            await Problem(http, StatusCodes.Status422UnprocessableEntity, "idempotency.keyReused");
            return;
        }
        if (record.Status == 0)
        {
            await Problem(http, StatusCodes.Status409Conflict, "idempotency.inProgress");
            return;
        }
        http.Response.StatusCode = record.Status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Body is not null) await http.Response.Body.WriteAsync(protector.Unprotect(Convert.FromBase64String(record.Body)));
    }

    private async Task KeepAsync(string key, HttpResponse response, byte[] body)
    {
        await using var db = await dbs.CreateDbContextAsync();
        await db.Set<IdempotencyRecord>().Where(r => r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Location, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null)
            .SetProperty(r => r.Body, Convert.ToBase64String(protector.Protect(body))));
    }

    private async Task ReleaseAsync(string key)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            await db.Set<IdempotencyRecord>().Where(r => r.Key == key && r.Status == 0).ExecuteDeleteAsync();
        }
        catch (Exception ex) { log.LogWarning(ex, "Could not release an idempotency key"); }
    }

    private async Task PurgeOldAsync(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextPurge);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextPurge, now.AddHours(1).UtcTicks, due) != due) return;
        await using var db = await dbs.CreateDbContextAsync();
        var before = now - Kept;
        await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync();
    }

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A refusal of the key itself, worded in the request's language; its wording's key is its code.</summary>
    private static Task Problem(HttpContext http, int status, string code) =>
        Results.Problem(detail: http.RequestServices.GetRequiredService<IStringLocalizer<Refusals>>().Word(code), statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
}
