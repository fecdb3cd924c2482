namespace RealtyHub.Integrations.Twilio;

/// <summary>Twilio's Message resource as returned by the REST API (the fields the hub uses).</summary>
/// <param name="Sid">The message id (<c>SM…</c>); status callbacks refer to it.</param>
/// <param name="AccountSid">The sending account.</param>
/// <param name="To">Recipient, as Twilio echoes it (<c>whatsapp:+…</c>).</param>
/// <param name="From">Sender, as Twilio echoes it.</param>
/// <param name="Body">The text (the rendered template for content sends, once Twilio has rendered it).</param>
/// <param name="Status">The status when the response was produced, normally <see cref="TwilioMessageStatus.Queued"/>.</param>
/// <param name="ErrorCode">Twilio's error code, if the message already failed.</param>
/// <param name="ErrorMessage">Twilio's description of the error.</param>
/// <param name="NumSegments">Segments billed.</param>
/// <param name="NumMedia">Attached media count.</param>
/// <param name="Direction">E.g. <c>outbound-api</c>.</param>
/// <param name="DateCreated">When Twilio created the resource.</param>
/// <param name="DateUpdated">When it last changed.</param>
/// <param name="DateSent">When it was sent, once it has been.</param>
public sealed record TwilioMessageResource(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string Body,
    TwilioMessageStatus Status,
    int? ErrorCode,
    string? ErrorMessage,
    int NumSegments,
    int NumMedia,
    string? Direction,
    DateTimeOffset? DateCreated,
    DateTimeOffset? DateUpdated,
    DateTimeOffset? DateSent);
