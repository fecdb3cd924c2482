namespace RealtyHub.Voice.Audio;

/// <summary>Ogg page framing checks that libopusfile leaves to the caller.</summary>
/// <remarks>
/// Page header (RFC 3533 §6): "OggS", version, flags, granule(8), serial(4), sequence(4), CRC(4), segment count,
/// then one lacing byte per segment; the body length is the sum of the lacing bytes.
/// https://www.rfc-editor.org/rfc/rfc3533#section-6 .
/// </remarks>
internal static class OggPages
{
    private const int HeaderSize = 27;

    /// <summary>
    /// An upload cut short usually ends inside a page; libopusfile would silently decode up to the last whole page,
    /// so we check that the last page is complete. A file that ends on a page boundary without the end-of-stream flag
    /// is accepted: it decodes completely.
    /// </summary>
    public static void ThrowIfTruncated(ReadOnlySpan<byte> ogg)
    {
        if (ogg.Length < HeaderSize || !ogg.StartsWith("OggS"u8))
        {
            throw new AudioFormatException("Not an Ogg file: it does not start with an \"OggS\" page.");
        }

        int last = ogg.LastIndexOf("OggS"u8);
        long end = PageEnd(ogg, last);
        if (end > ogg.Length)
        {
            throw new AudioFormatException(
                $"The Ogg file is truncated: its last page needs {end} bytes but the file has {ogg.Length}.");
        }
    }

    private static long PageEnd(ReadOnlySpan<byte> ogg, int start)
    {
        if (start + HeaderSize > ogg.Length)
        {
            return start + HeaderSize;
        }

        int segments = ogg[start + HeaderSize - 1];
        int tableEnd = start + HeaderSize + segments;
        if (tableEnd > ogg.Length)
        {
            return tableEnd;
        }

        long bodyLength = 0;
        foreach (byte lacing in ogg[(start + HeaderSize)..tableEnd])
        {
            bodyLength += lacing;
        }

        return tableEnd + bodyLength;
    }
}
