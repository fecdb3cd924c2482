using System.Buffers.Binary;

namespace RealtyHub.Voice.Audio;

/// <summary>The parsed "fmt " chunk of a WAV file.</summary>
/// <remarks>
/// Layout: WAVEFORMATEX (https://learn.microsoft.com/windows/win32/api/mmreg/ns-mmreg-waveformatex) and, for tag 0xFFFE,
/// WAVEFORMATEXTENSIBLE whose SubFormat GUID starts with the real format tag
/// (https://learn.microsoft.com/windows/win32/api/mmreg/ns-mmreg-waveformatextensible).
/// </remarks>
internal sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    private const ushort ExtensibleTag = 0xFFFE;

    // The SubFormat GUID is {tag-0000-0010-8000-00AA00389B71}; bytes 2..15 are the same for every KSDATAFORMAT_SUBTYPE.
    private static readonly byte[] SubFormatTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public int BytesPerSample => BitsPerSample / 8;

    public static WavFormat Parse(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 16)
        {
            throw new AudioFormatException($"WAV \"fmt \" chunk is {chunk.Length} bytes; at least 16 are needed.");
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        long sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);

        if (tag == ExtensibleTag)
        {
            tag = ReadExtensibleSubFormat(chunk);
        }

        var encoding = ToEncoding(tag, bits);
        if (channels == 0)
        {
            throw new AudioFormatException("WAV file declares 0 channels.");
        }

        if (sampleRate is < 1000 or > 384_000)
        {
            throw new AudioFormatException($"WAV sample rate {sampleRate} Hz is outside the supported 1 kHz to 384 kHz.");
        }

        if (blockAlign != channels * (bits / 8))
        {
            throw new AudioFormatException(
                $"WAV block align {blockAlign} does not match {channels} channel(s) of {bits}-bit samples.");
        }

        return new WavFormat(encoding, channels, (int)sampleRate, bits, blockAlign);
    }

    private static int ReadExtensibleSubFormat(ReadOnlySpan<byte> chunk)
    {
        // cbSize(2) validBits(2) channelMask(4) subFormat(16) follow the 16-byte WAVEFORMATEX core.
        if (chunk.Length < 40)
        {
            throw new AudioFormatException($"WAV WAVE_FORMAT_EXTENSIBLE \"fmt \" chunk is {chunk.Length} bytes; 40 are needed.");
        }

        var subFormat = chunk.Slice(24, 16);
        if (!subFormat[2..].SequenceEqual(SubFormatTail))
        {
            throw new AudioFormatException("WAV WAVE_FORMAT_EXTENSIBLE has a sub-format that is not PCM, float or G.711.");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
    }

    private static WavEncoding ToEncoding(int tag, int bits) => (tag, bits) switch
    {
        (1, 8 or 16 or 24 or 32) => WavEncoding.Pcm,
        (3, 32 or 64) => WavEncoding.IeeeFloat,
        (6, 8) => WavEncoding.ALaw,
        (7, 8) => WavEncoding.MuLaw,
        (1 or 3 or 6 or 7, _) => throw new AudioFormatException($"WAV format tag {tag} with {bits}-bit samples is not supported."),
        _ => throw new AudioFormatException(
            $"WAV format tag 0x{tag:X4} is not supported; use PCM (8/16/24/32-bit), 32-bit float, mu-law or A-law."),
    };
}
