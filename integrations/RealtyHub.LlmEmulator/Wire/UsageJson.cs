namespace RealtyHub.LlmEmulator.Wire;

/// <summary>Token counts; the emulator estimates a token as four characters.</summary>
internal sealed record UsageJson(int PromptTokens, int CompletionTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
