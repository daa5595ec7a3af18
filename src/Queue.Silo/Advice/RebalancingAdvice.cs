namespace Queue.Silo.Advice;

/// <summary>
/// One suggested change of a window's skills with its predicted effect on the mean wait of everyone now
/// waiting or arriving in the next <see cref="RebalancingAdvisor.HorizonMinutes"/> minutes.
/// </summary>
public sealed record RebalancingAdvice(string WindowId, int WindowNumber, string WindowName, bool Add, string Category,
    IReadOnlyList<string> ServiceIds, IReadOnlyList<string> NewServiceIds, double MeanWaitBefore, double MeanWaitAfter, string Text, string TextEn);

/// <summary>The advice for a hall at one moment, with the baseline the changes are compared with.</summary>
public sealed record HallAdvice(string HallId, long Seq, DateTimeOffset At, double MeanWaitNow, int Candidates, IReadOnlyList<RebalancingAdvice> Items);
