using System.Numerics;
using System.Buffers.Binary;
using System.Text;

namespace RealtyHub.Voice.Tests.Audio;

/// <summary>Writes small WebM files for tests, in the layout Chromium's MediaRecorder uses (or variations).</summary>
internal static class TestWebMWriter
{
    public enum Lacing
    {
        None,
        Xiph,
        Fixed,
        Ebml,
    }

    public sealed record Options(
        bool UnknownSizes = true,
        bool BlockGroups = false,
        int PacketsPerCluster = 50,
        Lacing Laced = Lacing.None,
        bool VideoTrackFirst = false,
        string CodecId = "A_OPUS");

    public static byte[] Build(byte[] opusHead, IReadOnlyList<byte[]> packets, Options options)
    {
        byte[] header = Element(0x1A45DFA3, [.. Uint(0x4286, 1), .. Uint(0x42F7, 1), .. Uint(0x42F2, 4), .. Uint(0x42F3, 8),
            .. Text(0x4282, "webm"), .. Uint(0x4287, 4), .. Uint(0x4285, 2)]);
        byte[] info = Element(0x1549A966, [.. Uint(0x2AD7B1, 1_000_000), .. Text(0x4D80, "Chrome"), .. Text(0x5741, "Chrome")]);
        byte[] audio = Element(0xAE, [.. Uint(0xD7, 1), .. Uint(0x73C5, 12345), .. Uint(0x83, 2), .. Text(0x86, options.CodecId),
            .. Element(0x63A2, opusHead), .. Element(0xE1, [.. Element(0xB5, BigEndianDouble(48000)), .. Uint(0x9F, opusHead[9])])]);
        byte[] video = options.VideoTrackFirst
            ? Element(0xAE, [.. Uint(0xD7, 2), .. Uint(0x83, 1), .. Text(0x86, "V_VP8")])
            : [];
        byte[] tracks = Element(0x1654AE6B, [.. video, .. audio]);

        var body = new List<byte>([.. info, .. tracks]);
        for (int first = 0; first < packets.Count; first += options.PacketsPerCluster)
        {
            var cluster = new List<byte>(Uint(0xE7, (ulong)(first * 20)));
            if (options.VideoTrackFirst)
            {
                cluster.AddRange(Element(0xA3, [0x82, 0, 0, 0x80, 0x9D, 0x01, 0x2A]));
            }

            var group = packets.Skip(first).Take(options.PacketsPerCluster).ToList();
            cluster.AddRange(options.Laced == Lacing.None ? Unlaced(group, first, options) : LacedBlock(group, options.Laced));
            body.AddRange(options.UnknownSizes ? [.. UnknownSizeHeader(0x1F43B675), .. cluster] : Element(0x1F43B675, [.. cluster]));
        }

        byte[] segment = options.UnknownSizes ? [.. UnknownSizeHeader(0x18538067), .. body] : Element(0x18538067, [.. body]);
        return [.. header, .. segment];
    }

    private static List<byte> Unlaced(List<byte[]> packets, int firstIndex, Options options)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < packets.Count; i++)
        {
            short relative = (short)(i * 20);
            byte[] block = [0x81, (byte)(relative >> 8), (byte)relative, options.BlockGroups ? (byte)0 : (byte)0x80, .. packets[i]];
            bytes.AddRange(options.BlockGroups ? Element(0xA0, Element(0xA1, block)) : Element(0xA3, block));
        }

        return bytes;
    }

    private static byte[] LacedBlock(List<byte[]> packets, Lacing lacing)
    {
        byte flags = lacing switch { Lacing.Xiph => 0x82, Lacing.Fixed => 0x84, _ => 0x86 };
        var block = new List<byte> { 0x81, 0, 0, flags, (byte)(packets.Count - 1) };
        for (int i = 0; i < packets.Count - 1 && lacing != Lacing.Fixed; i++)
        {
            if (lacing == Lacing.Xiph)
            {
                int size = packets[i].Length;
                for (; size >= 255; size -= 255)
                {
                    block.Add(255);
                }

                block.Add((byte)size);
            }
            else
            {
                // EBML lacing: the first size as a VINT, later ones as signed 2-byte differences (bias 2^13 - 1).
                block.AddRange(i == 0 ? SizeVint((ulong)packets[0].Length) : SignedDifference(packets[i].Length - packets[i - 1].Length));
            }
        }

        block.AddRange(packets.SelectMany(p => p));
        return Element(0xA3, [.. block]);
    }

    private static byte[] SignedDifference(int difference)
    {
        int biased = difference + ((1 << 13) - 1);
        return [(byte)(0x40 | (biased >> 8)), (byte)biased];
    }

    public static byte[] Element(uint id, byte[] body) => [.. Id(id), .. SizeVint((ulong)body.Length), .. body];

    private static byte[] UnknownSizeHeader(uint id) => [.. Id(id), 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    private static byte[] Uint(uint id, ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        int skip = Math.Min(7, BitOperations.LeadingZeroCount(value) / 8);
        return Element(id, bytes[skip..]);
    }

    private static byte[] Text(uint id, string value) => Element(id, Encoding.ASCII.GetBytes(value));

    private static byte[] BigEndianDouble(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Id(uint id)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, id);
        return bytes[(BitOperations.LeadingZeroCount(id) / 8)..];
    }

    private static byte[] SizeVint(ulong size)
    {
        int length = 1;
        while (size >= (1UL << (7 * length)) - 1)
        {
            length++;
        }

        var bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--, size >>= 8)
        {
            bytes[i] = (byte)size;
        }

        bytes[0] |= (byte)(0x80 >> (length - 1));
        return bytes;
    }
}
