using System.Buffers.Binary;
using System.Text;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Writes a valid ggml Whisper model file with untrained weights (seeded noise of small magnitude) for a given shape.
/// No trained model can be downloaded on build machines and CI; with this file whisper.cpp loads, encodes and decodes
/// for real, so the interop, queueing and timing are tested end to end (the words it "hears" are meaningless).
/// Format: whisper.cpp's models/convert-pt-to-ggml.py (writer) and whisper_model_load in src/whisper.cpp (reader).
/// </summary>
public static class PlaceholderWhisperModel
{
    private const int F16ModelFileType = 1; // GGML_FTYPE_MOSTLY_F16, as in the released ggml-*.bin files
    private const float WeightMagnitude = 0.02f;

    private static readonly string[] Syllables =
        ["ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu", "da", "fe", "go", "hi", "ja", "pe", "qu", "wa", "xi", "yo"];

    /// <summary>Creates (or replaces) the model file at <paramref name="path"/>; the same seed gives the same bytes.</summary>
    public static void Write(string path, WhisperModelShape shape, int seed = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(shape);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(file, shape, seed);
        }
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Writes the model to a stream.</summary>
    public static void Write(Stream destination, WhisperModelShape shape, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.State % shape.Heads != 0)
        {
            throw new ArgumentException($"State {shape.State} must be a multiple of the head count {shape.Heads}.", nameof(shape));
        }
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        WriteHeader(writer, shape);
        WriteMelFilters(writer);
        WriteVocabulary(writer, shape);
        var random = new Random(seed);
        foreach (var tensor in PlaceholderTensors.For(shape))
        {
            WriteTensor(writer, tensor, random);
        }
    }

    private static void WriteHeader(BinaryWriter writer, WhisperModelShape shape)
    {
        // BinaryWriter is little-endian on every platform, like the ggml format.
        writer.Write(WhisperModelFile.Magic);
        writer.Write(shape.VocabularySize);
        writer.Write(WhisperModelShape.AudioContext);
        writer.Write(shape.State);
        writer.Write(shape.Heads);
        writer.Write(shape.Layers);
        writer.Write(WhisperModelShape.TextContext);
        writer.Write(shape.State);
        writer.Write(shape.Heads);
        writer.Write(shape.Layers);
        writer.Write(WhisperModelShape.MelBands);
        writer.Write(F16ModelFileType);
    }

    private static void WriteMelFilters(BinaryWriter writer)
    {
        writer.Write(WhisperModelShape.MelBands);
        writer.Write(MelFilterBank.Bins);
        foreach (var weight in MelFilterBank.Create(WhisperModelShape.MelBands))
        {
            writer.Write(weight);
        }
    }

    private static void WriteVocabulary(BinaryWriter writer, WhisperModelShape shape)
    {
        writer.Write(shape.StoredTokens);
        for (var id = 0; id < shape.StoredTokens; id++)
        {
            var bytes = Encoding.UTF8.GetBytes(TokenText(id));
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Printable ASCII first (token 0 is " ", which whisper.cpp requires), then made-up syllable words.</summary>
    private static string TokenText(int id)
    {
        const int printable = '~' - ' ' + 1;
        if (id < printable)
        {
            return ((char)(' ' + id)).ToString();
        }
        var word = new StringBuilder(id % 2 == 0 ? " " : string.Empty);
        var digits = new Stack<string>();
        for (var rest = id - printable; ; rest /= Syllables.Length)
        {
            digits.Push(Syllables[rest % Syllables.Length]);
            if (rest < Syllables.Length)
            {
                break;
            }
        }
        return word.AppendJoin(string.Empty, digits).ToString();
    }

    private static void WriteTensor(BinaryWriter writer, TensorSpec tensor, Random random)
    {
        var name = Encoding.UTF8.GetBytes(tensor.Name);
        writer.Write(tensor.Dimensions.Length);
        writer.Write(name.Length);
        writer.Write(tensor.Half ? GgmlTypes.F16 : GgmlTypes.F32);
        foreach (var dimension in tensor.Dimensions)
        {
            writer.Write(dimension);
        }
        writer.Write(name);

        var elementSize = tensor.Half ? 2 : 4;
        Span<byte> chunk = stackalloc byte[8192];
        for (var remaining = tensor.Elements; remaining > 0;)
        {
            var count = (int)Math.Min(remaining, chunk.Length / elementSize);
            for (var i = 0; i < count; i++)
            {
                var value = tensor.Fill switch
                {
                    TensorFill.One => 1f,
                    TensorFill.Zero => 0f,
                    _ => ((random.NextSingle() * 2) - 1) * WeightMagnitude,
                };
                if (tensor.Half)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(chunk[(i * 2)..], (Half)value);
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(chunk[(i * 4)..], value);
                }
            }
            writer.Write(chunk[..(count * elementSize)]);
            remaining -= count;
        }
    }
}
