using System.Collections.Frozen;

namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>Maps <see cref="TwilioCallStatus"/> to and from Twilio's wire names (<c>in-progress</c>, <c>no-answer</c>).</summary>
public static class TwilioCallStatusNames
{
    private static readonly FrozenDictionary<string, TwilioCallStatus> ByName = new Dictionary<string, TwilioCallStatus>
    {
        ["queued"] = TwilioCallStatus.Queued,
        ["ringing"] = TwilioCallStatus.Ringing,
        ["in-progress"] = TwilioCallStatus.InProgress,
        ["completed"] = TwilioCallStatus.Completed,
        ["busy"] = TwilioCallStatus.Busy,
        ["failed"] = TwilioCallStatus.Failed,
        ["no-answer"] = TwilioCallStatus.NoAnswer,
        ["canceled"] = TwilioCallStatus.Canceled,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<TwilioCallStatus, string> ByStatus =
        ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>Parses a wire name (exact, lower case as Twilio sends it).</summary>
    public static bool TryParse(string? name, out TwilioCallStatus status)
    {
        status = TwilioCallStatus.Unknown;
        return name is not null && ByName.TryGetValue(name, out status);
    }

    /// <summary>The wire name, e.g. <c>in-progress</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="TwilioCallStatus.Unknown"/>.</exception>
    public static string ToWireName(this TwilioCallStatus status) =>
        ByStatus.TryGetValue(status, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(status), status, "This call status has no Twilio wire name.");

    /// <summary>Whether the call is over (<c>completed</c>, <c>busy</c>, <c>failed</c>, <c>no-answer</c>, <c>canceled</c>).</summary>
    public static bool IsFinal(this TwilioCallStatus status) =>
        status is TwilioCallStatus.Completed or TwilioCallStatus.Busy or TwilioCallStatus.Failed
            or TwilioCallStatus.NoAnswer or TwilioCallStatus.Canceled;
}
