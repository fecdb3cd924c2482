using System.Buffers.Binary;

namespace RealtyHub.Voice.Audio;

/// <summary>The Opus identification header (WebM CodecPrivate): channels, samples to drop at the start, output gain.</summary>
/// <remarks>RFC 7845 §5.1: "OpusHead", version, channel count, pre-skip (LE u16), input rate (LE u32),
/// output gain (LE s16, Q7.8 dB), mapping family. https://www.rfc-editor.org/rfc/rfc7845#section-5.1 .</remarks>
internal sealed record OpusHead(int Channels, int PreSkip, double OutputGainDb, int MappingFamily)
{
    private const int MinimumLength = 19;

    public static OpusHead Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < MinimumLength || !data.StartsWith("OpusHead"u8))
        {
            throw new AudioFormatException("Corrupt WebM file: the Opus track's CodecPrivate is not an OpusHead header.");
        }

        int channels = data[9];
        if (channels == 0)
        {
            throw new AudioFormatException("Corrupt WebM file: the OpusHead header declares 0 channels.");
        }

        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        double gainDb = BinaryPrimitives.ReadInt16LittleEndian(data[16..]) / 256.0;
        return new OpusHead(channels, preSkip, gainDb, data[18]);
    }
}
