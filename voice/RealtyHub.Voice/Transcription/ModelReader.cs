using System.Buffers.Binary;
using System.Text;

namespace RealtyHub.Voice.Transcription;

/// <summary>Bounds-checked little-endian reads over a model file; every failure names the file, the field and the offset.</summary>
internal sealed class ModelReader(Stream stream, string path)
{
    private readonly byte[] scratch = new byte[4];

    public bool AtEnd => stream.Position >= stream.Length;

    public uint UInt32(string field)
    {
        Fill(scratch, field);
        return BinaryPrimitives.ReadUInt32LittleEndian(scratch);
    }

    public int Int32(string field, int min, int max)
    {
        var offset = stream.Position;
        var value = (int)UInt32(field);
        if (value < min || value > max)
        {
            throw Invalid($"{field} at offset {offset} is {value}, outside {min}..{max}");
        }
        return value;
    }

    public byte PeekByte()
    {
        var value = stream.ReadByte();
        if (value < 0)
        {
            throw Invalid($"it ends at offset {stream.Position} inside the vocabulary (truncated)");
        }
        stream.Position--;
        return (byte)value;
    }

    public string Text(int length, string field)
    {
        var bytes = new byte[length];
        Fill(bytes, field);
        return Encoding.UTF8.GetString(bytes);
    }

    public void Skip(long count, string field)
    {
        var remaining = stream.Length - stream.Position;
        if (count > remaining)
        {
            throw Invalid($"{field} needs {count} bytes at offset {stream.Position} but the file ends {remaining} bytes later (truncated)");
        }
        stream.Seek(count, SeekOrigin.Current);
    }

    public InvalidDataException Invalid(string reason) =>
        new($"The Whisper model file {path} is not usable: {reason}.");

    private void Fill(byte[] buffer, string field)
    {
        var offset = stream.Position;
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw Invalid($"it ends at offset {offset} while reading {field} (truncated)");
        }
    }
}
