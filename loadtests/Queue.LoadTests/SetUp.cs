namespace Queue.LoadTests;

/// <summary>What every run needs before the load starts: the halls, a signed-in token per window, every window open.</summary>
public static class SetUp
{
    public static async Task<(List<HallPlan> Halls, Dictionary<string, string> WindowTokens)> PrepareAsync(QueueApi api)
    {
        var halls = await api.HallsAsync();
        var admin = await api.LoginAsync("admin");
        var tokens = new Dictionary<string, string>();
        foreach (var w in halls.SelectMany(h => h.Windows))
        {
            // The demo's staffNN work window NN of the city hall; an admin staffs every other window.
            var token = admin;
            if (w.Id.StartsWith("jc-civic-w", StringComparison.Ordinal))
            {
                try { token = await api.LoginAsync($"staff{w.Number:D2}"); } catch (InvalidOperationException) { }
            }
            tokens[w.Id] = token;
            using var _ = await api.SendAsync(HttpMethod.Post, QueueApi.WindowPath(w.HallId, w.Id, "open"), token, "{}");
        }
        return (halls, tokens);
    }

    /// <summary>Starts a server on a fresh database when <c>--storage</c> is given; otherwise targets <c>--url</c>.</summary>
    public static async Task<(ServerNode? Server, TargetDatabase? Db, Uri Address)> ServerAsync(CommandOptions o)
    {
        if (o.String("url") is { } url) return (null, null, new Uri(url));
        var db = await TargetDatabase.CreateAsync(o.String("storage", "sqlite"), o.String("pg"));
        var settings = db.Settings();
        // --profile: the hall writers log where each batch's time goes (BatchProfile), printed after the run.
        if (o.Flag("profile")) settings["Logging:LogLevel:Queue.Silo.Halls.HallGrain"] = "Debug";
        var server = new ServerNode(RepoPaths.ServerDll(o), settings);
        await server.StartAsync();
        return (server, db, server.Address);
    }
}
