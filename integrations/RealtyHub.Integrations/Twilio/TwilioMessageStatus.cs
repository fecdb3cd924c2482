namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// A Message resource's status, as in <c>MessageStatus</c> callbacks and the REST resource's <c>status</c>
/// (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values).
/// Wire names are lower case (<see cref="TwilioMessageStatusNames"/>).
/// </summary>
public enum TwilioMessageStatus
{
    /// <summary>A value this code does not know (only from the REST resource; callbacks reject it).</summary>
    Unknown = 0,
    Queued,
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
    Undelivered,
    Accepted,
    Scheduled,
    Canceled,
    Receiving,
    Received,
    PartiallyDelivered,
}
