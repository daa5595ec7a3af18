namespace Queue.Silo.Ratings;

/// <summary>
/// Where a bad-review case (差评工单) stands: opened → verified → rectified → replied (called back) →
/// closed; or appealed → re-checked → excluded (or back where it was).
/// </summary>
public enum BadReviewState { Opened, Verified, Rectified, Replied, Closed, Appealed, Excluded }
