namespace RealtyHub.LlmEmulator.Wire;

/// <summary>OpenAI's error envelope: <c>{"error": {...}}</c>.</summary>
internal sealed record ErrorResponseJson(ErrorJson Error);
