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

    /// <summary>
    /// Starts the server on a fresh database when <c>--storage</c> is given (otherwise targets <c>--url</c>):
    /// <c>--nodes N</c> silos of one cluster on Redis, and <c>--halls N</c> halls in all (the demo's three plus
    /// copies of <c>--copy-of</c>, default the town hall jc-donghu, made before any node lists the halls).
    /// </summary>
    public static async Task<(IReadOnlyList<ServerNode> Nodes, TargetDatabase? Db, Uri Address)> ServerAsync(CommandOptions o)
    {
        if (o.String("url") is { } url) return ([], null, new Uri(url));
        var db = await TargetDatabase.CreateAsync(o.String("storage", "sqlite"), o.String("pg"));
        var settings = db.Settings();
        // --profile: the hall writers log where each batch's time goes (BatchProfile), printed after the run.
        if (o.Flag("profile")) settings["Logging:LogLevel:Queue.Silo.Halls.HallGrain"] = "Debug";
        var count = Math.Max(1, o.Int("nodes", 1));
        var cluster = SiloCluster.NewId();
        var nodes = Enumerable.Range(0, count)
            .Select(_ => new ServerNode(RepoPaths.ServerDll(o), count > 1 ? SiloCluster.Join(settings, SiloCluster.Redis(o.String("redis")), cluster) : settings))
            .ToList();
        await nodes[0].StartAsync();
        if (o.Int("halls", 0) is > 3 and var halls)
        {
            // The first node made the schema and the demo; the copies go in while no node runs, so every node lists them.
            nodes[0].Kill9();
            HallCopies.Make(db, o.String("copy-of", "jc-donghu"), halls - 3);
            await nodes[0].StartAsync();
        }
        await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync()));
        return (nodes, db, nodes[0].Address);
    }
}
