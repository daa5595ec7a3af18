using Queue.Silo.Engine;

namespace Queue.Silo.Floor;

/// <summary>The hall's notices (公告): a few short lines a manager writes for the wall display.</summary>
public static class HallNotices
{
    public const int MaxLines = 10;
    public const int MaxLineLength = 200;

    /// <summary>The non-empty, trimmed lines of <paramref name="text"/>; refuses more than the wall can show.</summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > MaxLines) throw HallException.Invalid("text", "invalid.text.tooManyLines", ("most", MaxLines));
        if (lines.Any(l => l.Length > MaxLineLength)) throw HallException.Invalid("text", "invalid.text.lineTooLong", ("most", MaxLineLength));
        return lines;
    }
}
