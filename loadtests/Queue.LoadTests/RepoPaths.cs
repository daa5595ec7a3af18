namespace Queue.LoadTests;

/// <summary>Where the repository and the web host's build output are, found from this assembly's folder or the current one.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                var dir = new DirectoryInfo(start);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QueueHall.sln"))) dir = dir.Parent;
                if (dir is not null) return dir.FullName;
            }
            throw new InvalidOperationException("Cannot find the repository root (QueueHall.sln).");
        }
    }

    /// <summary>Queue.Web.dll: <c>--server-dll</c>, else the Release build of src/Queue.Web.</summary>
    public static string ServerDll(CommandOptions o) =>
        o.String("server-dll") ?? Path.Combine(Root, "src", "Queue.Web", "bin", "Release", "net10.0", "Queue.Web.dll");
}
