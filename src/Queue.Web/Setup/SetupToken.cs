using System.Net;
using System.Security.Cryptography;
using System.Text;
using Queue.Silo.Accounts;

namespace Queue.Web.Setup;

/// <summary>
/// Who may create the first admin (design.md §4): anyone on the server itself (loopback, not through a proxy), or
/// whoever presents the token this start wrote to its log (<c>Setup:Token</c> when configured, else a new random
/// one). Only while no account exists; there is never a default password outside the demo.
/// </summary>
public sealed class SetupToken(IConfiguration configuration, AccountService accounts, ILogger<SetupToken> log)
{
    public const string Header = "X-Setup-Token";

    private string? token;

    /// <summary>At start: with no account yet, writes the token and the way to use it to the log.</summary>
    public async Task AnnounceIfNeededAsync()
    {
        if (await accounts.AnyAsync()) return;
        token = configuration["Setup:Token"] is { Length: >= 16 } configured ? configured : Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        log.LogWarning("QueueHall has no account yet. Open /setup on this server (or send POST /api/setup with the header {Header}) to create the first admin. Setup token: {Token}",
            Header, token);
    }

    public bool Allows(HttpContext http, string? presented) => IsLoopback(http) || Matches(presented);

    public bool Matches(string? presented) =>
        token is not null && presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.Trim()), Encoding.UTF8.GetBytes(token));

    /// <summary>The request comes from this machine itself, not relayed by a proxy on it (which would look local too).</summary>
    public static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip) &&
        !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("X-Original-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
