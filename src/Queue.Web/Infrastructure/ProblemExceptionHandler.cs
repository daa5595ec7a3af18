using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using Orleans.Runtime;
using Queue.Silo.Engine;

namespace Queue.Web.Infrastructure;

/// <summary>
/// Turns every refusal into RFC 9457 problem details: the engine's refusals by kind, unreadable request
/// bodies into 400 (or 413 when too large). Anything else is a fault of ours and stays a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Refusals> R, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            HallException e => FromRefusal(e),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
                new ProblemDetails { Status = 413, Title = "Request body too large", Detail = e.Message },
            BadHttpRequestException { InnerException: JsonException json } e => Unreadable(e.StatusCode, json),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Unreadable request", Detail = e.Message, Extensions = { ["code"] = "request.unreadable" } },
            JsonException e => Unreadable(400, e),
            // A silo died with the hall on it and the cluster has not yet moved it (or is still forming: a message can expire
            // before its grain is placed, which Orleans reports as a cancellation): retry shortly.
            OrleansException or TimeoutException or OperationCanceledException => new ProblemDetails
            {
                Status = 503, Title = "Hall moving to another node",
                Detail = R.Word("hall.unavailable"),
                Extensions = { ["code"] = "hall.unavailable" },
            },
            // The database said "try again" (a deadlock victim, a failover, a busy file): nothing was committed.
            DbException { IsTransient: true } => new ProblemDetails
            {
                Status = 503, Title = "Storage busy",
                Detail = R.Word("storage.busy"),
                Extensions = { ["code"] = "storage.busy" },
            },
            _ => null,
        };
        if (problem is null) return false;
        if (problem.Status == 503)
        {
            http.Response.Headers.RetryAfter = "1";
            log.LogWarning(exception, "Answered 503 for {Path}", http.Request.Path);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The refusal worded in the request's UI culture: its detail and each field's error.</summary>
    private ProblemDetails FromRefusal(HallException e)
    {
        var status = e.Kind switch
        {
            RefusalKind.Invalid => 400,
            RefusalKind.NotFound => 404,
            RefusalKind.Conflict => 409,
            RefusalKind.Forbidden => 403,
            RefusalKind.Gone => 410,
            _ => 400,
        };
        var problem = e.Errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(R.ErrorsOf(e)!);
        problem.Status = status;
        problem.Title = e.Kind switch
        {
            RefusalKind.Invalid => "Invalid request",
            RefusalKind.NotFound => "Not found",
            RefusalKind.Conflict => "Not allowed in the current state",
            RefusalKind.Forbidden => "Forbidden",
            _ => "Refused",
        };
        problem.Detail = R.Of(e);
        problem.Extensions["code"] = e.Code;
        return problem;
    }

    /// <summary>
    /// A body that is not JSON, or a field of the wrong type: the field is named from the reader's path
    /// (<c>$.hours[0].opens</c> → <c>hours[0].opens</c>), so a client sees which value to fix.
    /// </summary>
    private static ValidationProblemDetails Unreadable(int status, JsonException json)
    {
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$').TrimStart('.');
        var message = $"Malformed JSON or a value of the wrong type: {json.Message}";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status, Title = "Malformed JSON", Detail = message, Extensions = { ["code"] = "request.malformed" },
        };
    }
}
