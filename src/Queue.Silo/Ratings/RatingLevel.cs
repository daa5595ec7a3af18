namespace Queue.Silo.Ratings;

/// <summary>
/// The five levels of 一次一评. The numeric values are the GB/T 39046-2020 satisfaction codes the exports
/// carry (1 = 非常满意 … 5 = 非常不满意), so a level's code is simply its value.
/// </summary>
public enum RatingLevel
{
    VerySatisfied = 1,
    Satisfied = 2,
    BasicallySatisfied = 3,
    Dissatisfied = 4,
    VeryDissatisfied = 5,
}
