namespace Queue.Silo.Services;

/// <summary>A matter (事项) citizens come for. Tickets for it are numbered with <see cref="Prefix"/>.</summary>
public sealed class Service
{
    private Service() { }

    public Service(string id, string hallId, string name, string category, string prefix, double normMinutes, ServiceGuide guide, bool bookable = false)
    {
        Id = id;
        HallId = hallId;
        Name = name;
        Category = category;
        Prefix = prefix;
        NormMinutes = normMinutes;
        Guide = guide;
        Bookable = bookable;
    }

    public string Id { get; private set; } = "";
    public string HallId { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The English name, when the hall gives one; the Chinese name is shown otherwise.</summary>
    public string? NameEn { get; set; }

    /// <summary>主题, e.g. 社会民生类.</summary>
    public string Category { get; private set; } = "";

    /// <summary>The category's English name, when the hall gives one.</summary>
    public string? CategoryEn { get; set; }

    /// <summary>Ticket prefix letter(s); numbers restart per prefix every business day.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>The expected handling time; the wait predictor starts from it until history exists.</summary>
    public double NormMinutes { get; private set; }
    public bool Bookable { get; set; }
    public int SortOrder { get; set; }
    public ServiceGuide Guide { get; set; } = new();

    /// <summary>Takes what an administrator entered; the id and hall never change.</summary>
    internal void Describe(ServiceDraft draft)
    {
        Name = draft.Name;
        NameEn = draft.NameEn;
        Category = draft.Category;
        CategoryEn = draft.CategoryEn;
        Prefix = draft.Prefix;
        NormMinutes = draft.NormMinutes;
        Bookable = draft.Bookable;
        Guide = draft.Guide;
    }
}
