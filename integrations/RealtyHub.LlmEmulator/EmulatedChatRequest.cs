namespace RealtyHub.LlmEmulator;

/// <summary>A chat completions request the emulator received (failed and delayed ones included), for tests to inspect.</summary>
/// <param name="Model">The model asked for.</param>
/// <param name="Messages">The conversation sent, in order.</param>
/// <param name="ResponseFormat"><c>json_object</c>, <c>json_schema</c>, <c>text</c>, or null when none was asked for.</param>
/// <param name="Stream">Whether server-sent events were asked for.</param>
/// <param name="StrictSchema">Whether a json_schema response format asked for strict adherence.</param>
public sealed record EmulatedChatRequest(string Model, IReadOnlyList<EmulatedChatMessage> Messages, string? ResponseFormat, bool Stream, bool StrictSchema = false)
{
    /// <summary>Whether the caller asked for a JSON object (json_object or json_schema).</summary>
    public bool WantsJson => ResponseFormat is "json_object" or "json_schema";

    /// <summary>The text of the last user message, or empty.</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty;
}
