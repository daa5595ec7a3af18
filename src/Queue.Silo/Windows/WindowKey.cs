namespace Queue.Silo.Windows;

/// <summary>
/// A window grain's key, <c>{length of the hall id}:{hall id}/{window id}</c>: the length makes it unambiguous
/// whatever characters the ids hold.
/// </summary>
public static class WindowKey
{
    public static string Of(string hallId, string windowId) => $"{hallId.Length}:{hallId}/{windowId}";

    public static (string HallId, string WindowId) Parse(string key)
    {
        var colon = key.IndexOf(':');
        var length = int.Parse(key.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
        return (key.Substring(colon + 1, length), key[(colon + 2 + length)..]);
    }
}
