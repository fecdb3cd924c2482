using System.Collections.Frozen;

namespace RealtyHub.Integrations.Twilio;

/// <summary>Maps <see cref="TwilioMessageStatus"/> to and from Twilio's wire names (<c>partially_delivered</c>).</summary>
public static class TwilioMessageStatusNames
{
    private static readonly FrozenDictionary<string, TwilioMessageStatus> ByName = new Dictionary<string, TwilioMessageStatus>
    {
        ["queued"] = TwilioMessageStatus.Queued,
        ["sending"] = TwilioMessageStatus.Sending,
        ["sent"] = TwilioMessageStatus.Sent,
        ["delivered"] = TwilioMessageStatus.Delivered,
        ["read"] = TwilioMessageStatus.Read,
        ["failed"] = TwilioMessageStatus.Failed,
        ["undelivered"] = TwilioMessageStatus.Undelivered,
        ["accepted"] = TwilioMessageStatus.Accepted,
        ["scheduled"] = TwilioMessageStatus.Scheduled,
        ["canceled"] = TwilioMessageStatus.Canceled,
        ["receiving"] = TwilioMessageStatus.Receiving,
        ["received"] = TwilioMessageStatus.Received,
        ["partially_delivered"] = TwilioMessageStatus.PartiallyDelivered,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<TwilioMessageStatus, string> ByStatus =
        ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Parses a wire name (exact, lower case as Twilio sends it).</summary>
    public static bool TryParse(string? name, out TwilioMessageStatus status)
    {
        status = TwilioMessageStatus.Unknown;
        return name is not null && ByName.TryGetValue(name, out status);
    }

    /// <summary>The wire name, e.g. <c>delivered</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="TwilioMessageStatus.Unknown"/>.</exception>
    public static string ToWireName(this TwilioMessageStatus status) =>
        ByStatus.TryGetValue(status, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(status), status, "This status has no Twilio wire name.");

    /// <summary>Whether the message will not reach the recipient (<c>failed</c>, <c>undelivered</c>, <c>canceled</c>).</summary>
    public static bool IsFailure(this TwilioMessageStatus status) =>
        status is TwilioMessageStatus.Failed or TwilioMessageStatus.Undelivered or TwilioMessageStatus.Canceled;
}
