namespace Queue.Web.Admin;

/// <summary>The answer of an import: with any rejected row nothing was imported (created and updated are 0).</summary>
public sealed record CatalogImport(int Created, int Updated, IReadOnlyList<CatalogRejection> Rejected);
