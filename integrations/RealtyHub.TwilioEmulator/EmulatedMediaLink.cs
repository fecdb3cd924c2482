namespace RealtyHub.TwilioEmulator;

/// <summary>A media item of a message: where it is served, and its type when known (outbound media URLs are not fetched).</summary>
public sealed record EmulatedMediaLink(Uri Url, string? ContentType);
