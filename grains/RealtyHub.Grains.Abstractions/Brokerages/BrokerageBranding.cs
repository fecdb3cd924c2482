namespace RealtyHub.Grains.Brokerages;

/// <summary>
/// How the brokerage's deliverables look: colours as <c>#rrggbb</c> and an optional logo (an absolute http(s) URL).
/// Renderers check both before use, so a bad value falls back to the defaults instead of reaching a document.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.brokerage-branding")]
public sealed record BrokerageBranding(
    [property: Id(0)] string PrimaryColor,
    [property: Id(1)] string AccentColor,
    [property: Id(2)] string? LogoUrl = null)
{
    /// <summary>The console's own palette (deep sea blue with a sand accent).</summary>
    public static readonly BrokerageBranding Default = new("#0B4F6C", "#C8963E");
}
