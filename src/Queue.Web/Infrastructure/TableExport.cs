using CsvHelper;
using Microsoft.AspNetCore.Http.Features;
using Queue.Silo.Engine;
using Queue.Web.Ratings;

namespace Queue.Web.Infrastructure;

/// <summary>
/// Writes a table as CSV or XLSX straight to the response, row by row as the rows arrive, so an export of a year
/// uses little memory. Shared by the rating exports and the queue reports.
/// </summary>
public static class TableExport
{
    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    public static async Task WriteAsync(HttpContext http, string format, string fileName, string sheetName,
        IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string>> rows)
    {
        if (!IsFormat(format)) throw HallException.NotFound("export format", format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{format}\"";
        if (format == "csv")
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            // The BOM makes Excel read the Chinese headers as UTF-8; a comment starting with = must not run as a formula.
            await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
            await csv.WriteRecordAsync([.. headers], http.RequestAborted);
            await foreach (var row in rows)
                await csv.WriteRecordAsync([.. row], http.RequestAborted);
            await csv.FlushAsync(http.RequestAborted);
            return;
        }
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        // The zip writer is synchronous; this response alone may write synchronously.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        using var xlsx = new XlsxStream(http.Response.Body, sheetName, headers);
        await foreach (var row in rows) xlsx.WriteRow(row);
    }
}
