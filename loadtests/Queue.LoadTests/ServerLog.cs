namespace Queue.LoadTests;

/// <summary>
/// Keeps a server process's output where the test script can show it when a test fails
/// (directory from QUEUEHALL_SERVER_LOGS; nothing is written without it): a 500 in CI names its exception.
/// </summary>
public static class ServerLog
{
    public static void Save(int port, IEnumerable<string> lines)
    {
        var dir = Environment.GetEnvironmentVariable("QUEUEHALL_SERVER_LOGS");
        if (string.IsNullOrEmpty(dir)) return;
        try
        {
            Directory.CreateDirectory(dir);
            File.AppendAllLines(Path.Combine(dir, $"{DateTime.UtcNow:HHmmss}-{port}.log"), lines);
        }
        catch (IOException) { }
    }
}
