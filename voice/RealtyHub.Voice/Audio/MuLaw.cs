// Our own implementation of what NAudio's MuLawDecoder/MuLawEncoder would do; that library is not on our NuGet mirror.
namespace RealtyHub.Voice.Audio;

/// <summary>
/// ITU-T G.711 mu-law companding (telephone audio, Twilio Media Streams): 8-bit codes to 16-bit linear samples and back.
/// </summary>
/// <remarks>
/// Codes are stored inverted (G.711 §3.2: "the character signal is inverted"), so after inverting, bit 7 is the sign
/// (set = negative), bits 6..4 the segment and bits 3..0 the step inside the segment. Spec:
/// https://www.itu.int/rec/T-REC-G.711 .
/// </remarks>
public static class MuLaw
{
    // The encoder adds this bias so every segment starts at a power of two (G.711 mu = 255 curve, scaled by 4).
    private const int Bias = 0x84;

    // Largest magnitude the encoder accepts before clipping: the top of segment 7 minus the bias.
    private const int Clip = 32635;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>The 16-bit linear value of a mu-law code (table-exact per G.711).</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>The mu-law code whose quantisation interval contains <paramref name="sample"/> (clipped at ±32635).</summary>
    public static byte Encode(short sample)
    {
        int magnitude = sample;
        int sign = 0;
        if (magnitude < 0)
        {
            magnitude = -magnitude;
            sign = 0x80;
        }

        magnitude = Math.Min(magnitude, Clip) + Bias;

        // Bias makes magnitude >= 0x84, so its top set bit is bit 7 (segment 0) to bit 14 (segment 7).
        int segment = (31 - int.LeadingZeroCount(magnitude)) - 7;
        int step = (magnitude >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | step);
    }

    /// <summary>Decodes codes to samples scaled to [-1, 1] (divided by 32768).</summary>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Decode(ReadOnlySpan<byte> codes, Span<float> samples)
    {
        if (samples.Length < codes.Length)
        {
            throw new ArgumentException($"Need room for {codes.Length} samples, got {samples.Length}.", nameof(samples));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            samples[i] = DecodeTable[codes[i]] / 32768f;
        }
    }

    /// <summary>Encodes samples in [-1, 1] (values outside are clipped) to mu-law codes.</summary>
    /// <exception cref="ArgumentException"><paramref name="codes"/> is shorter than <paramref name="samples"/>.</exception>
    public static void Encode(ReadOnlySpan<float> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            throw new ArgumentException($"Need room for {samples.Length} codes, got {codes.Length}.", nameof(codes));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            codes[i] = Encode(PcmConvert.ToInt16(samples[i]));
        }
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int inverted = ~code & 0xFF;
            int segment = (inverted >> 4) & 0x07;
            int step = inverted & 0x0F;
            int magnitude = (((step << 3) + Bias) << segment) - Bias;
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }
}
