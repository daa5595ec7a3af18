using Npgsql;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Cluster;

/// <summary>
/// Two silos of two different clusters (each its own localhost cluster) on one PostgreSQL database: both activate
/// the same hall and drive it at once, the worst case of two activations. The stored-sequence fence keeps it whole.
/// </summary>
[Collection("Resilience")]
public sealed class SplitBrainTests
{
    [Fact]
    public async Task TwoActivationsOfOneHallNeverIssueANumberTwiceNorCallATicketTwiceNorCommitASequenceTwice()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        await using var a = await ServerProcess.StartAsync(db.Settings());
        await using var b = await ServerProcess.StartAsync(db.Settings());
        using var viaA = new HttpClient { BaseAddress = a.Address };
        using var viaB = new HttpClient { BaseAddress = b.Address };
        var token = await viaA.SignInAsync("manager");
        viaA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        viaB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var issued = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => (i % 2 == 0 ? viaA : viaB).IssueAsync(i % 3 == 0 ? Demo.Invoice : Demo.SocialInsurance)));
        Assert.Equal(80, issued.Select(t => t.Number).Distinct().Count());

        var perWindow = await Task.WhenAll(Enumerable.Range(1, 4).Select(w => (w % 2 == 1 ? viaA : viaB).ServeUntilEmptyAsync(w)));
        var calls = perWindow.SelectMany(c => c).ToList();
        Assert.Equal(calls.Count, calls.Distinct().Count());
        Assert.Equal(issued.Select(t => t.Id).Order(), calls.Order());

        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        var seqs = new List<long>();
        await using (var cmd = new NpgsqlCommand("""SELECT "Seq" FROM hall_events WHERE "HallId" = @h ORDER BY "Seq" """, conn))
        {
            cmd.Parameters.AddWithValue("h", Demo.City);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) seqs.Add(reader.GetInt64(0));
        }
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        await using var last = new NpgsqlCommand("""SELECT "Seq" FROM halls WHERE "Id" = @h""", conn);
        last.Parameters.AddWithValue("h", Demo.City);
        Assert.Equal(seqs[^1], (long)(await last.ExecuteScalarAsync())!);
    }
}
