namespace Queue.LoadTests;

/// <summary>
/// <c>dotnet run -c Release --project loadtests/Queue.LoadTests -- COMMAND [--option value …]</c>
/// Commands: <c>load</c>, <c>commit-rate</c>, <c>crash</c>, <c>scale-out</c>, <c>fuzz</c>, <c>history</c> (docs/operations.md).
/// Each prints a table on stderr and one JSON object on stdout; the exit code is 0 only when its checks hold.
/// </summary>
public static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: Queue.LoadTests load|commit-rate|crash|scale-out|fuzz|history [--option value ...]  (see docs/operations.md)");
            return 2;
        }
        var options = CommandOptions.Parse(args.Skip(1));
        try
        {
            return args[0] switch
            {
                "load" => await LoadCommand.RunAsync(options),
                "commit-rate" => CommitRate.Run(options),
                "snapshot-cost" => SnapshotCost.Run(options),
                "activation-cost" => await ActivationCost.RunAsync(options),
                "crash" => await CrashCommand.RunAsync(options),
                "scale-out" => await ScaleOutCommand.RunAsync(options),
                "fuzz" => await FuzzCommand.RunAsync(options),
                "history" => await HistoryCommand.RunAsync(options),
                _ => throw new ArgumentException($"Unknown command {args[0]}."),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
