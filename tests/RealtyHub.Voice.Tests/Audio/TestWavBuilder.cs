using System.Buffers.Binary;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>Builds WAV files byte by byte for tests, independently of the production writer.</summary>
internal sealed class TestWavBuilder
{
    private readonly List<byte> _chunks = [];

    public TestWavBuilder Chunk(string id, ReadOnlySpan<byte> body)
    {
        _chunks.AddRange(System.Text.Encoding.ASCII.GetBytes(id));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        _chunks.AddRange(size);
        _chunks.AddRange(body.ToArray());
        if (body.Length % 2 == 1)
        {
            _chunks.Add(0); // RIFF pad byte
        }

        return this;
    }

    public TestWavBuilder Format(int tag, int channels, int sampleRate, int bits, bool extensible = false)
    {
        var body = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)(extensible ? 0xFFFE : tag));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 2 ? 3u : 4u);
            new Guid($"{tag:X8}-0000-0010-8000-00aa00389b71").TryWriteBytes(body.AsSpan(24));
        }

        return Chunk("fmt ", body);
    }

    public byte[] Build()
    {
        var header = new byte[12];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(4 + _chunks.Count));
        "WAVE"u8.CopyTo(header.AsSpan(8));
        return [.. header, .. _chunks];
    }
}
