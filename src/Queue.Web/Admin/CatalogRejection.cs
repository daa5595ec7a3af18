namespace Queue.Web.Admin;

/// <summary>A catalog row that was not imported (its spreadsheet row number, the header being row 1) and why.</summary>
public sealed record CatalogRejection(int Row, IReadOnlyList<string> Errors);
