namespace RealtyHub.LlmEmulator.Wire;

/// <summary>The answer of <c>GET v1/models</c>.</summary>
internal sealed record ModelListJson(IReadOnlyList<ModelJson> Data)
{
    public string Object { get; init; } = "list";
}
