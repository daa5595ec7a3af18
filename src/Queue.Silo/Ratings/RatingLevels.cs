namespace Queue.Silo.Ratings;

/// <summary>Names, codes and the 差评 rule of the five levels.</summary>
public static class RatingLevels
{
    public static readonly IReadOnlyList<RatingLevel> All = Enum.GetValues<RatingLevel>();

    /// <summary>The GB/T 39046-2020 满意度代码.</summary>
    public static int Code(this RatingLevel level) => (int)level;

    /// <summary>不满意 and 非常不满意 are a 差评 and open a bad-review case.</summary>
    public static bool IsBad(this RatingLevel level) => level >= RatingLevel.Dissatisfied;

    /// <summary>Counted as satisfied in the satisfaction rate: 非常满意, 满意, 基本满意.</summary>
    public static bool IsSatisfied(this RatingLevel level) => level <= RatingLevel.BasicallySatisfied;

    public static string Chinese(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.BasicallySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };

    public static string Camel(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "verySatisfied",
        RatingLevel.Satisfied => "satisfied",
        RatingLevel.BasicallySatisfied => "basicallySatisfied",
        RatingLevel.Dissatisfied => "dissatisfied",
        _ => "veryDissatisfied",
    };
}
