namespace Queue.Tests.Infrastructure;

/// <summary>
/// What scripts/test.sh provides: a PostgreSQL server, a Redis server and Chromium. Tests that need them fail with a
/// clear message when run without it; they are never skipped.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresServer => Environment.GetEnvironmentVariable("QUEUEHALL_TEST_PG")
        ?? throw new InvalidOperationException("QUEUEHALL_TEST_PG is not set: run the tests through scripts/test.sh, which starts PostgreSQL.");

    /// <summary>The Redis server that multi-node tests keep their silo cluster's membership in.</summary>
    public static string RedisServer => Environment.GetEnvironmentVariable("QUEUEHALL_TEST_REDIS")
        ?? throw new InvalidOperationException("QUEUEHALL_TEST_REDIS is not set: run the tests through scripts/test.sh, which starts Redis.");

    /// <summary>Settings for one more silo of the Redis-clustered cluster <paramref name="clusterId"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ClusterNode(string clusterId) =>
        Queue.LoadTests.SiloCluster.Node(RedisServer, clusterId).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));

    public static string Chromium => Environment.GetEnvironmentVariable("QUEUEHALL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QueueHall.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
        }
    }

    /// <summary>Where browser tests leave their screenshots for people to look at.</summary>
    public static string ScreenshotDir
    {
        get
        {
            var dir = Path.Combine(RepoRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
