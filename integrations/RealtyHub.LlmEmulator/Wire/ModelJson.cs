namespace RealtyHub.LlmEmulator.Wire;

/// <summary>One model in <c>GET v1/models</c>.</summary>
internal sealed record ModelJson(string Id, long Created)
{
    public string Object { get; init; } = "model";

    public string OwnedBy { get; init; } = "realtyhub-emulator";
}
