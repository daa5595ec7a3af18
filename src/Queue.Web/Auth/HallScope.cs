using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Queue.Silo.Accounts;
using Queue.Silo.Storage;

namespace Queue.Web.Auth;

/// <summary>
/// Managers and evaluators bound to a hall act on it and on every hall below it (city → town → village, design.md
/// §4): each request's principal gets a claim per hall below its home hall, so every rights check stays a plain
/// look at the claims. Each node reads the hall tree at most every <see cref="CacheFor"/>, and again at once after
/// a hall is created or moved on that node.
/// </summary>
public sealed class HallScope(IDbContextFactory<QueueDb> dbs, IMemoryCache cache) : IClaimsTransformation
{
    public const string Below = "hallBelow";
    private const string Done = "hallScope";
    private const string TreeKey = "hall-tree";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } || principal.HasClaim(c => c.Type == Done)) return principal;
        if (!principal.IsInRole(Role.Manager) && !principal.IsInRole(Role.Evaluator)) return principal;
        if (principal.FindFirstValue(Claims.Hall) is not { } home) return principal;
        var children = await cache.GetOrCreateAsync(TreeKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await dbs.CreateDbContextAsync();
            return await ChildrenAsync(db, default);
        });
        var scoped = principal.Clone();
        var identity = (ClaimsIdentity)scoped.Identity!;
        identity.AddClaim(new Claim(Done, home));
        foreach (var hall in SelfAndBelow(children!, home))
            if (hall != home) identity.AddClaim(new Claim(Below, hall));
        return scoped;
    }

    /// <summary>Each hall's children, as stored now.</summary>
    public static async Task<ILookup<string, string>> ChildrenAsync(QueueDb db, CancellationToken ct) =>
        (await db.Halls.AsNoTracking().Where(h => h.ParentId != null).Select(h => new { h.Id, h.ParentId }).ToListAsync(ct))
            .ToLookup(h => h.ParentId!, h => h.Id);

    /// <summary>The hall and every hall below it, breadth-first; the set stops a parent loop a bad edit could make.</summary>
    public static HashSet<string> SelfAndBelow(ILookup<string, string> children, string home)
    {
        var seen = new HashSet<string> { home };
        var next = new Queue<string>([home]);
        while (next.TryDequeue(out var hall))
            foreach (var child in children[hall])
                if (seen.Add(child)) next.Enqueue(child);
        return seen;
    }

    /// <summary>After a hall is created or moved on this node.</summary>
    public void Forget() => cache.Remove(TreeKey);
}
