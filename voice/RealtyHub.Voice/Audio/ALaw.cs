namespace RealtyHub.Voice.Audio;

/// <summary>ITU-T G.711 A-law decoding (European telephone audio inside WAV files, format tag 6).</summary>
/// <remarks>
/// Even bits are inverted on the wire (G.711 §2.3, XOR 0x55); after that bit 7 set means positive, bits 6..4 are the
/// segment and bits 3..0 the step. Spec: https://www.itu.int/rec/T-REC-G.711 .
/// </remarks>
internal static class ALaw
{
    private static readonly short[] DecodeTable = BuildDecodeTable();

    public static short Decode(byte code) => DecodeTable[code];

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int toggled = code ^ 0x55;
            int segment = (toggled >> 4) & 0x07;
            int step = toggled & 0x0F;

            // Segment 0 and 1 share a step size; each later segment doubles it. +8 puts the output mid-interval.
            int magnitude = (step << 4) + 8;
            if (segment > 0)
            {
                magnitude = (magnitude + 0x100) << (segment - 1);
            }

            table[code] = (short)((toggled & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
