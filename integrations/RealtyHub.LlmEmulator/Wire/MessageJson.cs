namespace RealtyHub.LlmEmulator.Wire;

/// <summary>An assistant message, or a streaming delta (where either field may be absent).</summary>
internal sealed record MessageJson(string? Role, string? Content);
