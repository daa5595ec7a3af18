using System.Text.Json;

namespace Queue.LoadTests;

/// <summary>
/// End-to-end push latency: from the moment a call-next was answered (and, beside it, sent) to the moment
/// TicketCalled reached each display of the hall and the ticket's phone.
/// </summary>
public static class PushLatency
{
    public static PushSummary Measure(IEnumerable<CallRecord> calls, JsonElement report, IReadOnlyDictionary<string, int> displaysPerHall,
        ISet<Guid> watched)
    {
        var called = report.GetProperty("called");
        var display = new OperationStats();
        var displayFromSend = new OperationStats();
        var phone = new OperationStats();
        int displayMissed = 0, phoneMissed = 0, callCount = 0;
        foreach (var call in calls)
        {
            callCount++;
            var expected = displaysPerHall.GetValueOrDefault(call.HallId);
            var got = called.TryGetProperty(call.TicketId.ToString(), out var c) ? c : default;
            var d = got.ValueKind == JsonValueKind.Object ? got.GetProperty("d").EnumerateArray().Select(x => x.GetDouble()).ToList() : [];
            var p = got.ValueKind == JsonValueKind.Object ? got.GetProperty("p").EnumerateArray().Select(x => x.GetDouble()).ToList() : [];
            foreach (var t in d)
            {
                display.Ok(Math.Max(0, t - call.AnsweredMs));
                displayFromSend.Ok(t - call.SentMs);
            }
            displayMissed += Math.Max(0, expected - d.Count);
            if (watched.Contains(call.TicketId))
            {
                if (p.Count == 0) phoneMissed++;
                else phone.Ok(Math.Max(0, p.Min() - call.AnsweredMs));
            }
        }
        return new PushSummary(callCount, display.Summarise(0), displayFromSend.Summarise(0), phone.Summarise(0), displayMissed, phoneMissed);
    }
}

/// <summary>
/// <c>Display</c>/<c>Phone</c>: after the call-next answer (a push that beat the answer counts as 0 ms);
/// <c>DisplayFromRequest</c>: after the call-next request was sent.
/// </summary>
public sealed record PushSummary(int Calls, OperationSummary Display, OperationSummary DisplayFromRequest, OperationSummary Phone, int DisplayMissed, int PhoneMissed);
