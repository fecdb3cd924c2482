namespace RealtyHub.Voice.Audio;

/// <summary>Reads EBML element headers and values (the binary format under Matroska/WebM).</summary>
/// <remarks>
/// RFC 8794: an element is an ID (a variable-length integer whose marker bits are kept, 1 to 4 bytes), a data size
/// (a VINT with the marker removed, 1 to 8 bytes; all value bits set means "unknown size") and the data.
/// https://www.rfc-editor.org/rfc/rfc8794#section-4 .
/// </remarks>
internal ref struct EbmlReader(ReadOnlySpan<byte> data)
{
    /// <summary>Data size of an element whose end is not written (live recordings: Segment, Cluster).</summary>
    public const long UnknownSize = -1;

    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; set; }

    public readonly int Length => _data.Length;

    public readonly bool AtEnd => Position >= _data.Length;

    /// <summary>Reads an element header; returns its ID and data size (<see cref="UnknownSize"/> if not written).</summary>
    public (uint Id, long Size) ReadElementHeader()
    {
        int start = Position;
        int idLength = VintLength(Peek(), maxLength: 4, start, "element ID");
        uint id = 0;
        foreach (byte b in Take(idLength, "element ID"))
        {
            id = (id << 8) | b;
        }

        long size = ReadVint(out bool allOnes);
        return (id, allOnes ? UnknownSize : size);
    }

    /// <summary>Reads a VINT with its marker removed; <paramref name="allOnes"/> reports the reserved all-ones value.</summary>
    public long ReadVint(out bool allOnes)
    {
        int start = Position;
        int length = VintLength(Peek(), maxLength: 8, start, "size");
        var bytes = Take(length, "size");
        long value = bytes[0] & (0xFF >> length);
        allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[i];
            allOnes &= bytes[i] == 0xFF;
        }

        return value;
    }

    /// <summary>The next <paramref name="count"/> bytes; throws a truncation error if they are not all there.</summary>
    public ReadOnlySpan<byte> Take(long count, string what)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw new AudioFormatException(
                $"The WebM file is truncated: {what} at byte {Position} needs {count} bytes but only {_data.Length - Position} remain.");
        }

        var slice = _data.Slice(Position, (int)count);
        Position += (int)count;
        return slice;
    }

    public static ulong ReadUnsigned(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 8)
        {
            throw new AudioFormatException($"WebM integer element is {bytes.Length} bytes long; at most 8 are allowed.");
        }

        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private readonly byte Peek() => AtEnd
        ? throw new AudioFormatException($"The WebM file is truncated at byte {Position}: an element header is cut off.")
        : _data[Position];

    private static int VintLength(byte first, int maxLength, int position, string what)
    {
        // The count of leading zero bits plus one is the length; a zero first byte would mean more than 8 bytes.
        int length = first == 0 ? 9 : byte.LeadingZeroCount(first) + 1;
        return length <= maxLength
            ? length
            : throw new AudioFormatException($"Corrupt WebM file: invalid {what} (byte 0x{first:X2}) at byte {position}.");
    }
}
