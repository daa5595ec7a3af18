namespace Queue.Silo.Services;

/// <summary>A matter as an administrator enters it (form, API or one row of an imported catalog), already checked field by field.</summary>
public sealed record ServiceDraft(string? Id, string Name, string? NameEn, string Category, string Prefix, double NormMinutes, bool Bookable, ServiceGuide Guide,
    string? CategoryEn = null)
{
    /// <summary>The matter as stored; what the audit log keeps of a matter.</summary>
    public static ServiceDraft Of(Service s) => new(s.Id, s.Name, s.NameEn, s.Category, s.Prefix, s.NormMinutes, s.Bookable, s.Guide, s.CategoryEn);
}
