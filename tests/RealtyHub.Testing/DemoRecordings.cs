namespace RealtyHub.Testing;

/// <summary>The demo's recordings (espeak-ng speech), as the hub embeds them.</summary>
public static class DemoRecordings
{
    /// <summary>Four sentences with pauses between them, 8 kHz WAV.</summary>
    public static byte[] Call => Read("demo-call.wav");

    /// <summary>One spoken sentence, Ogg/Opus as WhatsApp sends voice notes.</summary>
    public static byte[] VoiceNote => Read("demo-voice-note.ogg");

    private static byte[] Read(string name)
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream($"demo-audio/{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in the hub.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
