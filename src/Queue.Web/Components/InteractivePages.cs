namespace Queue.Web.Components;

/// <summary>
/// The staff consoles that run as interactive Blazor Server components (design.md §3) and so load the Blazor
/// runtime; every other page stays static and holds no circuit.
/// </summary>
public static class InteractivePages
{
    private static readonly PathString[] Prefixes = ["/reports", "/ratings", "/admin"];

    public static bool Serve(HttpContext? http) => http is not null && Prefixes.Any(p => http.Request.Path.StartsWithSegments(p));
}
