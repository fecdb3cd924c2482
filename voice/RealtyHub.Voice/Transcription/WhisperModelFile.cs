namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Checks a ggml Whisper model file's structure before whisper.cpp loads it: whisper.cpp trusts every length it reads,
/// so a truncated or corrupt file could otherwise make it allocate wildly or load garbage. Layout as written by
/// whisper.cpp's models/convert-pt-to-ggml.py and read by whisper_model_load (src/whisper.cpp): magic, 11 int32
/// hparams, mel filters, vocabulary, then tensors (n_dims, name length, type, dims, name, data), little-endian.
/// </summary>
public static class WhisperModelFile
{
    public const uint Magic = 0x67676d6c; // "ggml"

    private const int MaxDimension = 1 << 24;

    /// <summary>Reads the header and walks every tensor record without reading weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete ggml Whisper model; the message says what is wrong.</exception>
    public static WhisperModelInfo Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var reader = new ModelReader(stream, path);

        if (reader.UInt32("magic") != Magic)
        {
            throw reader.Invalid("it does not start with the ggml magic 0x67676d6c (not a whisper.cpp model file)");
        }
        var vocabulary = reader.Int32("n_vocab", 1, 1_000_000);
        reader.Int32("n_audio_ctx", 1, 100_000);
        var state = reader.Int32("n_audio_state", 1, 100_000);
        var heads = reader.Int32("n_audio_head", 1, 1_000);
        var audioLayers = reader.Int32("n_audio_layer", 1, 1_000);
        reader.Int32("n_text_ctx", 1, 100_000);
        var textState = reader.Int32("n_text_state", 1, 100_000);
        reader.Int32("n_text_head", 1, 1_000);
        var textLayers = reader.Int32("n_text_layer", 1, 1_000);
        reader.Int32("n_mels", 1, 1_000);
        reader.Int32("ftype", 0, 100_000);
        if (textState != state || state % heads != 0)
        {
            throw reader.Invalid($"its dimensions do not fit together (audio state {state}, text state {textState}, {heads} heads)");
        }

        var filterRows = reader.Int32("mel filter rows", 1, 1_000);
        var filterColumns = reader.Int32("mel filter columns", 1, 10_000);
        reader.Skip(4L * filterRows * filterColumns, "mel filters");

        var tokenCount = reader.Int32("vocabulary size", 0, 1_000_000);
        var hasSpaceToken = false;
        for (var i = 0; i < tokenCount; i++)
        {
            var length = reader.Int32("token length", 0, 10_000);
            // whisper.cpp looks the " " token up unconditionally while decoding and aborts the process if it is absent.
            hasSpaceToken |= length == 1 && reader.PeekByte() == (byte)' ';
            reader.Skip(length, "token text");
        }
        if (!hasSpaceToken)
        {
            throw reader.Invalid("its vocabulary has no \" \" token, which whisper.cpp needs");
        }

        var expectedTensors = 11 + (15 * audioLayers) + (24 * textLayers);
        var tensors = 0;
        while (!reader.AtEnd)
        {
            ReadTensorRecord(reader);
            tensors++;
        }
        if (tensors != expectedTensors)
        {
            throw reader.Invalid($"it holds {tensors} tensors where a model with {audioLayers}+{textLayers} layers has {expectedTensors} (truncated?)");
        }
        return new WhisperModelInfo(TypeName(audioLayers), vocabulary >= 51865, state, heads, audioLayers, textLayers, tensors);
    }

    private static void ReadTensorRecord(ModelReader reader)
    {
        var dimensions = reader.Int32("tensor dimension count", 1, 4);
        var nameLength = reader.Int32("tensor name length", 1, 1_000);
        var type = reader.Int32("tensor type", 0, 1_000);
        long elements = 1;
        for (var d = 0; d < dimensions; d++)
        {
            elements *= reader.Int32("tensor dimension", 1, MaxDimension);
        }
        var name = reader.Text(nameLength, "tensor name");
        if (!GgmlTypes.TryGetDataSize(type, elements, out var bytes))
        {
            throw reader.Invalid($"tensor '{name}' has the unknown ggml type {type}");
        }
        reader.Skip(bytes, $"data of tensor '{name}'");
    }

    private static string TypeName(int audioLayers) => audioLayers switch
    {
        4 => "tiny",
        6 => "base",
        12 => "small",
        24 => "medium",
        32 => "large",
        _ => "unknown",
    };
}
