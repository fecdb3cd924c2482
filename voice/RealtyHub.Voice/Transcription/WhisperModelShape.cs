namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Dimensions of a Whisper model (OpenAI's model card: tiny 384/6/4, base 512/8/6, small 768/12/12). Audio and text
/// sides share width, heads and depth in every released model. The context sizes and vocabulary are fixed by the
/// format: 30 s windows (1500 encoder frames), 448 text positions, 80 mel bands, 51864/51865 tokens.
/// </summary>
public sealed record WhisperModelShape(string Name, int State, int Heads, int Layers, bool IsMultilingual = true)
{
    public const int AudioContext = 1500;
    public const int TextContext = 448;
    public const int MelBands = 80;

    public static WhisperModelShape Tiny { get; } = new("tiny", 384, 6, 4);

    public static WhisperModelShape Base { get; } = new("base", 512, 8, 6);

    public static WhisperModelShape Small { get; } = new("small", 768, 12, 12);

    /// <summary>A shape far smaller than any released model (about 7 MB as a file): for tests of the plumbing.</summary>
    public static WhisperModelShape Test { get; } = new("test", 64, 2, 1);

    /// <summary>51865 tokens with the 99 language tokens; 51864 for English-only models.</summary>
    public int VocabularySize => IsMultilingual ? 51865 : 51864;

    /// <summary>Tokens written in the file; whisper.cpp appends the special and timestamp tokens itself.</summary>
    public int StoredTokens => IsMultilingual ? 50257 : 50256;

    public WhisperModelShape EnglishOnly() => this with { Name = Name + ".en", IsMultilingual = false };

    public static WhisperModelShape Parse(string name) => name.ToUpperInvariant() switch
    {
        "TINY" => Tiny,
        "TINY.EN" => Tiny.EnglishOnly(),
        "BASE" => Base,
        "BASE.EN" => Base.EnglishOnly(),
        "SMALL" => Small,
        "SMALL.EN" => Small.EnglishOnly(),
        "TEST" => Test,
        "TEST.EN" => Test.EnglishOnly(),
        _ => throw new ArgumentException($"Unknown Whisper model shape '{name}'; use tiny, base, small or test, optionally with .en.", nameof(name)),
    };
}
