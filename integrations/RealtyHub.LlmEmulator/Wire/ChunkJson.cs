namespace RealtyHub.LlmEmulator.Wire;

/// <summary>A <c>chat.completion.chunk</c> (one server-sent event); the last carries usage when it was asked for.</summary>
internal sealed record ChunkJson(string Id, long Created, string Model, IReadOnlyList<ChunkChoiceJson> Choices, UsageJson? Usage = null)
{
    public string Object { get; init; } = "chat.completion.chunk";
}
