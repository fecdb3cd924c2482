namespace RealtyHub.Web.Api;

/// <summary>
/// Body of <c>POST .../compliance-check</c>: the request kind's name (<c>"ListingDescription"</c>) and the text to check.
/// </summary>
public sealed record ComplianceCheckRequest(string? Kind, string? Text);
