using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>The scores of one period with the formula that produced them; a named type, so the document and generated clients name it too.</summary>
public sealed record RatingScoresAnswer(ScorePeriod Period, string Formula, IReadOnlyList<ScoreRow> Rows);
