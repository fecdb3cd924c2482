namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>One emulator for the AI tests; they run one after another because its failure hooks are shared.</summary>
[CollectionDefinition(Name)]
public sealed class LlmEmulatorCollection : ICollectionFixture<LlmEmulatorFixture>
{
    public const string Name = "LLM emulator";
}
