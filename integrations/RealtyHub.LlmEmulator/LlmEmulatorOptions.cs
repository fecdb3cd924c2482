namespace RealtyHub.LlmEmulator;

/// <summary>How the LLM emulator behaves.</summary>
public sealed class LlmEmulatorOptions
{
    /// <summary>The bearer key callers must present; null or empty accepts any caller (as local servers do).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The models it serves (listed by <c>GET v1/models</c>); another model answers 404. Empty: any model.</summary>
    public IList<string> Models { get; } = ["realtyhub-emulator"];
}
