using System.Buffers.Binary;

namespace Queue.Silo.Reports;

/// <summary>
/// A day's <see cref="TicketFact"/>s as bytes for <see cref="ReportDay"/>: 20 bytes a ticket, field by field (never the
/// struct's memory layout, which a build may change), with the day's own name indexes so any node can map them to its
/// <see cref="NameTable"/>. The first byte is the format; an unknown format reads as "not kept" and the day is read again.
/// </summary>
public static class ReportDayCodec
{
    private const byte Format = 1;
    private const int Size = 20;

    public static (string Names, byte[] Facts) Encode(TicketFact[] facts, NameTable names)
    {
        var local = new Dictionary<short, short>();
        var ids = new List<string>();
        short Local(short index)
        {
            if (index < 0) return -1;
            if (local.TryGetValue(index, out var l)) return l;
            l = (short)ids.Count;
            ids.Add(names.IdOf(index)!);
            local[index] = l;
            return l;
        }
        var bytes = new byte[1 + facts.Length * Size];
        bytes[0] = Format;
        var span = bytes.AsSpan(1);
        foreach (var t in facts)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, t.WaitMs);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], t.HandlingMs);
            span[8] = (byte)t.ArrivalHour;
            span[9] = (byte)(t.CalledHour + 1);
            span[10] = (byte)t.Status;
            span[11] = (byte)t.Channel;
            span[12] = t.Outcome is { } o ? (byte)(o + 1) : (byte)0;
            span[13] = t.Transferred ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt16LittleEndian(span[14..], Local(t.Service));
            BinaryPrimitives.WriteInt16LittleEndian(span[16..], Local(t.Window));
            BinaryPrimitives.WriteInt16LittleEndian(span[18..], Local(t.Staff));
            span = span[Size..];
        }
        return (string.Join('\n', ids), bytes);
    }

    /// <summary>The facts of <paramref name="day"/>; null when the bytes are of another format or length.</summary>
    public static TicketFact[]? Decode(DateOnly day, string names, ReadOnlySpan<byte> bytes, NameTable table)
    {
        if (bytes.Length == 0 || bytes[0] != Format || (bytes.Length - 1) % Size != 0) return null;
        var map = names.Length == 0 ? [] : names.Split('\n').Select(table.IndexOf).ToArray();
        short Global(short local) => local < 0 ? (short)-1 : map[local];
        var facts = new TicketFact[(bytes.Length - 1) / Size];
        var span = bytes[1..];
        for (var i = 0; i < facts.Length; i++, span = span[Size..])
            facts[i] = new TicketFact(day, BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadInt32LittleEndian(span[4..]), span[8],
                span[9] - 1, (Tickets.TicketStatus)span[10], (Tickets.TicketChannel)span[11], span[12] == 0 ? null : (Tickets.TicketOutcome)(span[12] - 1),
                Global(BinaryPrimitives.ReadInt16LittleEndian(span[14..])), Global(BinaryPrimitives.ReadInt16LittleEndian(span[16..])),
                Global(BinaryPrimitives.ReadInt16LittleEndian(span[18..])), span[13] != 0);
        return facts;
    }
}
