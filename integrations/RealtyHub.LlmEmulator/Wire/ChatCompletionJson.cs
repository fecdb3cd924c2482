namespace RealtyHub.LlmEmulator.Wire;

/// <summary>A <c>chat.completion</c> object (the non-streaming answer).</summary>
internal sealed record ChatCompletionJson(string Id, long Created, string Model, IReadOnlyList<ChoiceJson> Choices, UsageJson Usage)
{
    public string Object { get; init; } = "chat.completion";
}
