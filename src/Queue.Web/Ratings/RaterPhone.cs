namespace Queue.Web.Ratings;

/// <summary>A rater's phone as a reader may see it: in full for evaluators, 138****5678 for everyone else.</summary>
public static class RaterPhone
{
    public static string? Show(string? phone, bool full)
    {
        if (phone is null || full) return phone;
        return phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + "****" + phone[^4..];
    }
}
