namespace Queue.Silo.Ratings;

/// <summary>What happened to a case, as its audit trail records it. Reminders and escalations are the system's.</summary>
public enum CaseAction { Open, Verify, Rectify, Reply, Close, Appeal, Uphold, Exclude, Remind, EscalateYellow, EscalateRed }
