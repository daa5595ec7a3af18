namespace Queue.Silo.Ratings;

/// <summary>
/// A hall's 好差评 rules an evaluator can change. The deadline of bad-review cases is the hall setting
/// <c>BadReviewDeadlineWorkingDays</c>; everything else about rating lives here.
/// </summary>
public sealed record RatingPolicy
{
    /// <summary>Tags the citizen may pick, per level (the camelCase level name is the key).</summary>
    public Dictionary<string, List<string>> Tags { get; init; } = DefaultTags();

    /// <summary>The level an unrated served ticket takes after <see cref="DefaultAfterDays"/> days (广东 基本满意, 广西 非常满意).</summary>
    public RatingLevel DefaultLevel { get; init; } = RatingLevel.BasicallySatisfied;

    public int DefaultAfterDays { get; init; } = 5;

    /// <summary>Points per level, 非常满意 first (default 10/8/6/3/0).</summary>
    public List<int> Weights { get; init; } = [10, 8, 6, 3, 0];

    public int CommentMaxLength { get; init; } = 300;

    /// <summary>How long the pad's invitation to rate the ticket just completed stays valid.</summary>
    public int InvitationSeconds { get; init; } = 180;

    /// <summary>A case is reminded when this many working days or fewer are left.</summary>
    public int ReminderWorkingDays { get; init; } = 2;

    /// <summary>An overdue case is yellow; overdue by more than this many working days it turns red.</summary>
    public int RedAfterWorkingDays { get; init; } = 3;

    public IReadOnlyList<string> TagsFor(RatingLevel level) => Tags.TryGetValue(level.Camel(), out var t) ? t : [];

    public int Weight(RatingLevel level) => Weights.Count == 5 ? Weights[level.Code() - 1] : new[] { 10, 8, 6, 3, 0 }[level.Code() - 1];

    /// <summary>The highest weight: the weighted score is a share of it, so a 10-point and a 100-point scale give the same performance score.</summary>
    public int TopWeight => Weights.Count == 5 ? Weights.Max() : 10;

    public static Dictionary<string, List<string>> DefaultTags() => new()
    {
        ["verySatisfied"] = ["办事高效", "服务热情", "一次办好", "指引清楚"],
        ["satisfied"] = ["办事高效", "服务热情", "指引清楚"],
        ["basicallySatisfied"] = ["等候较久", "流程较繁", "解释不够清楚"],
        ["dissatisfied"] = ["等候时间长", "服务态度差", "材料要求不清", "多次跑动"],
        ["veryDissatisfied"] = ["态度恶劣", "推诿扯皮", "超时未办", "吃拿卡要"],
    };

    /// <summary>Refuses a policy that would break scoring or rating.</summary>
    public void Check()
    {
        if (Weights.Count != 5 || Weights.Any(w => w is < 0 or > 100)) throw Engine.HallException.Invalid("weights", "invalid.weights.five");
        if (Weights.Max() == 0) throw Engine.HallException.Invalid("weights", "invalid.weights.allZero");
        if (DefaultLevel.IsBad()) throw Engine.HallException.Invalid("defaultLevel", "invalid.defaultLevel.bad");
        if (DefaultAfterDays is < 1 or > 90) throw Engine.HallException.Invalid("defaultAfterDays", "invalid.defaultAfterDays.range");
        if (CommentMaxLength is < 0 or > 2000) throw Engine.HallException.Invalid("commentMaxLength", "invalid.commentMaxLength.range");
        if (InvitationSeconds is < 30 or > 1800) throw Engine.HallException.Invalid("invitationSeconds", "invalid.invitationSeconds.range");
        if (ReminderWorkingDays is < 0 or > 30 || RedAfterWorkingDays is < 0 or > 60) throw Engine.HallException.Invalid("reminderWorkingDays", "invalid.reminderWorkingDays.range");
        foreach (var (key, tags) in Tags)
        {
            if (RatingLevels.All.All(l => l.Camel() != key)) throw Engine.HallException.Invalid("tags", "invalid.tags.level", ("level", key));
            if (tags.Count > 20 || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 20)) throw Engine.HallException.Invalid("tags", "invalid.tags.shape");
        }
    }
}
