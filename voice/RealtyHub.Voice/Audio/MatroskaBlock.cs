namespace RealtyHub.Voice.Audio;

/// <summary>Splits a Block/SimpleBlock body into its track number and frames (undoing lacing).</summary>
/// <remarks>
/// Body: track number (VINT), 16-bit relative timecode, flags, then the frame data. Flags bits 1–2 select lacing:
/// none, Xiph (sizes as runs of 255), fixed-size, or EBML (first size, then signed differences).
/// https://www.matroska.org/technical/basics.html#block-structure and #lacing .
/// </remarks>
internal static class MatroskaBlock
{
    private const int NoLacing = 0;
    private const int XiphLacing = 1;
    private const int FixedLacing = 2;

    /// <summary>Adds the (offset, length) of each frame, relative to <paramref name="bodyOffset"/>'s file, to <paramref name="frames"/>.</summary>
    public static ulong Read(ReadOnlySpan<byte> body, int bodyOffset, List<Range> frames)
    {
        var reader = new EbmlReader(body);
        ulong track = (ulong)reader.ReadVint(out _);
        byte flags = reader.Take(3, "block header")[2];
        int lacing = (flags >> 1) & 0x03;
        if (lacing == NoLacing)
        {
            frames.Add(new Range(bodyOffset + reader.Position, bodyOffset + body.Length));
            return track;
        }

        int count = reader.Take(1, "lace count")[0] + 1;
        var sizes = new long[count];
        long known = lacing switch
        {
            XiphLacing => ReadXiphSizes(ref reader, sizes),
            FixedLacing => 0,
            _ => ReadEbmlSizes(ref reader, sizes),
        };

        long remaining = body.Length - reader.Position;
        if (lacing == FixedLacing)
        {
            Array.Fill(sizes, remaining / count);
        }
        else
        {
            sizes[^1] = remaining - known;
        }

        int offset = bodyOffset + reader.Position;
        foreach (long size in sizes)
        {
            if (size < 0 || offset + size > bodyOffset + body.Length)
            {
                throw new AudioFormatException($"Corrupt WebM file: laced block at byte {bodyOffset} has inconsistent frame sizes.");
            }

            frames.Add(new Range(offset, offset + (int)size));
            offset += (int)size;
        }

        return track;
    }

    private static long ReadXiphSizes(ref EbmlReader reader, long[] sizes)
    {
        long total = 0;
        for (int i = 0; i < sizes.Length - 1; i++)
        {
            byte next;
            do
            {
                next = reader.Take(1, "lace size")[0];
                sizes[i] += next;
            }
            while (next == 255);
            total += sizes[i];
        }

        return total;
    }

    private static long ReadEbmlSizes(ref EbmlReader reader, long[] sizes)
    {
        if (sizes.Length == 1)
        {
            return 0;
        }

        sizes[0] = reader.ReadVint(out _);
        long total = sizes[0];
        for (int i = 1; i < sizes.Length - 1; i++)
        {
            // Differences are signed: subtract the bias 2^(7n-1) - 1 of an n-byte VINT.
            int start = reader.Position;
            long raw = reader.ReadVint(out _);
            int length = reader.Position - start;
            sizes[i] = sizes[i - 1] + (raw - ((1L << ((7 * length) - 1)) - 1));
            total += sizes[i];
        }

        return total;
    }
}
