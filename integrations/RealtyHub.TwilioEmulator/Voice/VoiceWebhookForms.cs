using System.Globalization;
using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// The forms Twilio posts for a call to one of our numbers, field for field: the incoming-call request to the Voice URL
/// (https://www.twilio.com/docs/voice/twiml#request-parameters) and the status callback
/// (https://www.twilio.com/docs/voice/api/call-resource#statuscallback). Geographic fields are sent empty, as Twilio
/// does when it has no data for a number.
/// </summary>
internal static class VoiceWebhookForms
{
    public static List<KeyValuePair<string, string>> IncomingCall(EmulatedCallState call, string accountSid, string? callerName)
    {
        var form = Common(call, accountSid, TwilioCallStatus.Ringing);
        if (callerName is not null)
        {
            form.Add(new("CallerName", callerName));
        }

        return form;
    }

    public static List<KeyValuePair<string, string>> StatusCallback(
        EmulatedCallState call, string accountSid, TwilioCallStatus status, DateTimeOffset now)
    {
        var form = Common(call, accountSid, status);
        if (status == TwilioCallStatus.Completed)
        {
            // Only completed calls have a duration; Twilio leaves it out for busy, failed and no-answer.
            form.Add(new("CallDuration", call.CallDuration.ToString(CultureInfo.InvariantCulture)));
        }

        form.Add(new("CallbackSource", "call-progress-events"));
        form.Add(new("SequenceNumber", "0"));
        form.Add(new("Timestamp", now.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)));
        return form;
    }

    private static List<KeyValuePair<string, string>> Common(EmulatedCallState call, string accountSid, TwilioCallStatus status) =>
    [
        new("AccountSid", accountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", call.CallSid),
        new("CallStatus", status.ToWireName()),
        new("Called", call.To),
        new("CalledCity", string.Empty),
        new("CalledCountry", string.Empty),
        new("CalledState", string.Empty),
        new("CalledZip", string.Empty),
        new("Caller", call.From),
        new("CallerCity", string.Empty),
        new("CallerCountry", string.Empty),
        new("CallerState", string.Empty),
        new("CallerZip", string.Empty),
        new("Direction", "inbound"),
        new("From", call.From),
        new("FromCity", string.Empty),
        new("FromCountry", string.Empty),
        new("FromState", string.Empty),
        new("FromZip", string.Empty),
        new("To", call.To),
        new("ToCity", string.Empty),
        new("ToCountry", string.Empty),
        new("ToState", string.Empty),
        new("ToZip", string.Empty),
    ];
}
