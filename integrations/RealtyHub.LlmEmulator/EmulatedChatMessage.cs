namespace RealtyHub.LlmEmulator;

/// <summary>One message of a chat completions request, its content flattened to text.</summary>
public sealed record EmulatedChatMessage(string Role, string Content);
