namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>A validated Create Message request. Numbers are E.164; <see cref="StatusCallback"/> is kept as sent (it is signed as text).</summary>
internal sealed record CreateMessageCommand(
    string To,
    string From,
    string? Body,
    string? ContentSid,
    string? ContentVariables,
    IReadOnlyList<Uri> MediaUrls,
    string? StatusCallback);
