namespace Queue.Web.Components.Pages.Admin;

/// <summary>The new-matter form of /admin as typed, before <see cref="Queue.Web.Admin.ServiceFields"/> checks it.</summary>
public sealed class MatterForm
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string Category { get; set; } = "";
    public string? CategoryEn { get; set; }
    public string Prefix { get; set; } = "";
    public double NormMinutes { get; set; } = 10;
    public bool Bookable { get; set; }
    public string Materials { get; set; } = "";
    public string TimeLimit { get; set; } = "";
    public string Fee { get; set; } = "";
    public string Basis { get; set; } = "";
}
