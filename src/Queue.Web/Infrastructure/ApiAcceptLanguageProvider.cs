using Microsoft.AspNetCore.Localization;

namespace Queue.Web.Infrastructure;

/// <summary>
/// API clients choose their language with <c>Accept-Language</c>: honored only under <c>/api</c>, so the pages stay
/// Chinese first whatever the browser says (there the visitor picks with <c>?culture=</c> or the cookie).
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return NullProviderCultureResult;
        header.Options = Options;
        return header.DetermineProviderCultureResult(httpContext);
    }
}
