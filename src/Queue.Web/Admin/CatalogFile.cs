using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Queue.Silo.Engine;

namespace Queue.Web.Admin;

/// <summary>Reads the rows of an uploaded catalog: an RFC 4180 CSV (UTF-8, with or without BOM) or the first sheet of an XLSX.</summary>
public static class CatalogFile
{
    public const int MaxRows = 5000;

    /// <summary>The largest upload: 5,000 matters with long guides fit well within it.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static IReadOnlyList<IReadOnlyList<string>> Read(Stream content, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return ext switch
            {
                ".csv" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => throw HallException.Invalid("file", "invalid.file.type"),
            };
        }
        catch (Exception e) when (e is not HallException)
        {
            throw HallException.Invalid("file", "invalid.file.unreadable", ("reason", e.Message));
        }
    }

    private static List<IReadOnlyList<string>> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    Add(rows, row);
                    row = [];
                    break;
                default: field.Append(ch); break;
            }
        }
        if (quoted) throw HallException.Invalid("file", "invalid.file.unclosedQuote");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            Add(rows, row);
        }
        return rows;
    }

    private static List<IReadOnlyList<string>> ReadXlsx(Stream content)
    {
        // The package API needs a seekable stream.
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        using var doc = SpreadsheetDocument.Open(copy, false);
        var book = doc.WorkbookPart ?? throw HallException.Invalid("file", "invalid.file.noWorkbook");
        var first = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw HallException.Invalid("file", "invalid.file.noSheet");
        var sheet = (WorksheetPart)book.GetPartById(first.Id!.Value!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var r in sheet.Worksheet.Descendants<Row>())
        {
            var row = new List<string>();
            foreach (var cell in r.Elements<Cell>())
            {
                // Excel leaves empty cells out: a cell's reference (C7) says its column; a streamed export has none and no gaps.
                if (cell.CellReference?.Value is { } reference)
                    while (row.Count < Column(reference)) row.Add("");
                row.Add(Text(cell, shared));
            }
            Add(rows, row);
        }
        return rows;
    }

    private static string Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var v = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return int.TryParse(v, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean) return v == "1" ? "true" : "false";
        return v;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }

    private static void Add(List<IReadOnlyList<string>> rows, List<string> row)
    {
        if (rows.Count > MaxRows) throw HallException.Invalid("file", "invalid.file.tooManyRows", ("most", MaxRows));
        rows.Add(row);
    }
}
