namespace RealtyHub.LlmEmulator.Wire;

/// <summary>One choice of a <c>chat.completion</c>; the emulator always answers one.</summary>
internal sealed record ChoiceJson(int Index, MessageJson Message, string FinishReason);
