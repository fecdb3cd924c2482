namespace RealtyHub.LlmEmulator.Wire;

/// <summary>One choice's delta in a streamed chunk; <c>finish_reason</c> only on the last.</summary>
internal sealed record ChunkChoiceJson(int Index, MessageJson Delta, string? FinishReason = null);
