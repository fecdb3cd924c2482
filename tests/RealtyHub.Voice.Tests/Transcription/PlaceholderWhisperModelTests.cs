using System.Security.Cryptography;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>The generated model files follow whisper.cpp's format (checked by our inspector; the engine tests load them).</summary>
public sealed class PlaceholderWhisperModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("realtyhub-placeholder-").FullName;

    [Theory]
    [InlineData("test", 1, 64)]
    [InlineData("tiny", 4, 384)]
    [InlineData("base.en", 6, 512)]
    public void Generated_model_has_the_shape_and_every_tensor_whisper_expects(string shapeName, int layers, int state)
    {
        var shape = WhisperModelShape.Parse(shapeName);
        var path = Path.Combine(folder, $"ggml-{shapeName}.bin");

        PlaceholderWhisperModel.Write(path, shape);
        var info = WhisperModelFile.Inspect(path);

        Assert.Equal(11 + (39 * layers), info.TensorCount);
        Assert.Equal((state, layers, layers), (info.State, info.AudioLayers, info.TextLayers));
        Assert.Equal(!shapeName.EndsWith(".en", StringComparison.Ordinal), info.IsMultilingual);
        Assert.Equal(shapeName == "test" ? "unknown" : shapeName.Split('.')[0], info.Type);
        Assert.Equal(ExpectedFileSize(shape), new FileInfo(path).Length);
    }

    [Fact]
    public void Same_seed_gives_the_same_file_and_another_seed_other_weights()
    {
        static byte[] Hash(int seed)
        {
            using var stream = new MemoryStream();
            PlaceholderWhisperModel.Write(stream, WhisperModelShape.Test, seed);
            return SHA256.HashData(stream.ToArray());
        }

        Assert.Equal(Hash(3), Hash(3));
        Assert.NotEqual(Hash(3), Hash(4));
    }

    [Fact]
    public void Mel_filters_are_area_normalised_triangles_with_rising_centres()
    {
        var filters = MelFilterBank.Create(80);
        const double binHz = 16_000.0 / 400;
        var peaks = new List<int>();
        for (var band = 0; band < 80; band++)
        {
            var row = filters.AsSpan(band * MelFilterBank.Bins, MelFilterBank.Bins);
            Assert.True(row.ToArray().All(w => w >= 0));
            peaks.Add(row.IndexOf(row.ToArray().Max()));
            if (band >= 50)
            {
                // Slaney normalisation: each triangle's area over frequency is 1 (wide upper bands sample it well).
                Assert.Equal(1.0, row.ToArray().Sum(w => (double)w) * binHz, 0.03);
            }
        }
        Assert.Equal(peaks.Order(), peaks);
        // The first band of whisper's own table (librosa.filters.mel(sr=16000, n_fft=400, n_mels=80)) peaks at bin 1.
        Assert.Equal(0.02486, filters[1], 0.00001);
        Assert.True(peaks[^1] > peaks[0]);
    }

    [Fact]
    public void Unknown_shape_name_is_refused_with_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => WhisperModelShape.Parse("huge"));

        Assert.Contains("tiny, base, small or test", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Computed independently of the writer: header, filters, vocabulary, then per tensor header + data.</summary>
    private static long ExpectedFileSize(WhisperModelShape shape)
    {
        var size = 4 + (11 * 4) + 8 + (80 * 201 * 4) + 4;
        long total = size;
        for (var id = 0; id < shape.StoredTokens; id++)
        {
            total += 4 + System.Text.Encoding.UTF8.GetByteCount(TokenForSize(id));
        }
        foreach (var tensor in PlaceholderTensors.For(shape))
        {
            total += 12 + (4 * tensor.Dimensions.Length) + tensor.Name.Length + (tensor.Elements * (tensor.Half ? 2 : 4));
        }
        return total;
    }

    private static string TokenForSize(int id) => id < 95 ? "x" : SyllableWord(id);

    private static string SyllableWord(int id)
    {
        var digits = 0;
        for (var rest = id - 95; ; rest /= 20)
        {
            digits++;
            if (rest < 20)
            {
                break;
            }
        }
        return new string('x', (digits * 2) + (id % 2 == 0 ? 1 : 0));
    }
}
