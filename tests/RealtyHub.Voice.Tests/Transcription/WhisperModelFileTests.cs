using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>The structural check that runs before whisper.cpp sees a file: every defect named, no crash.</summary>
public sealed class WhisperModelFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("realtyhub-modelfile-").FullName;

    [Fact]
    public void Empty_file_is_reported_as_truncated_at_offset_zero()
    {
        var path = Write("empty.bin", []);

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(path));

        Assert.Contains("ends at offset 0 while reading magic (truncated)", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_is_reported_as_not_a_whisper_model()
    {
        var path = Write("text.bin", "hello, I am not a model at all"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(path));

        Assert.Contains("does not start with the ggml magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_header_value_is_reported_with_its_field_and_offset()
    {
        var bytes = Model();
        BitConverter.GetBytes(-5).CopyTo(bytes, 12); // n_audio_state

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(Write("absurd.bin", bytes)));

        Assert.Contains("n_audio_state at offset 12 is -5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_tensor_type_is_reported_with_the_tensor_name()
    {
        var bytes = Model();
        var firstTensor = IndexOf(bytes, "encoder.positional_embedding"u8) - 12 - 8;
        BitConverter.GetBytes(77).CopyTo(bytes, firstTensor + 8);

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(Write("type.bin", bytes)));

        Assert.Contains("tensor 'encoder.positional_embedding' has the unknown ggml type 77", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tensors_are_counted()
    {
        var bytes = Model();
        var lastTensor = IndexOf(bytes, "decoder.ln.bias"u8) - 12 - 4;

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(Write("short.bin", bytes[..lastTensor])));

        Assert.Contains("it holds 49 tensors where a model with 1+1 layers has 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_garbage_after_the_last_tensor_is_refused()
    {
        var bytes = Model();

        var error = Assert.Throws<InvalidDataException>(() => WhisperModelFile.Inspect(Write("tail.bin", [.. bytes, 1, 2, 3])));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Model()
    {
        using var stream = new MemoryStream();
        PlaceholderWhisperModel.Write(stream, WhisperModelShape.Test);
        return stream.ToArray();
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
