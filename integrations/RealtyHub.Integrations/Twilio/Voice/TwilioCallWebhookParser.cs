// Twilio's SDK is not on our package mirror: our own reader of its voice webhook forms.
namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>Reads Twilio's voice webhook forms (incoming call, call status callback) into a <see cref="TwilioCallWebhook"/>.</summary>
public static class TwilioCallWebhookParser
{
    /// <summary>The directions Twilio reports (https://www.twilio.com/docs/voice/api/call-resource#call-direction).</summary>
    private static readonly string[] Directions = ["inbound", "outbound-api", "outbound-dial", "trunking-originating", "trunking-terminating"];

    /// <summary>
    /// Parses the form fields (names as Twilio posts them). Validate the <see cref="TwilioSignature"/> first:
    /// this only checks the shape, and lists every problem found.
    /// </summary>
    public static TwilioParseResult<TwilioCallWebhook> Parse(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new TwilioFormFields(form);
        var callSid = fields.RequiredSid("CallSid", "CA");
        var accountSid = fields.RequiredSid("AccountSid", "AC");
        var from = RequiredE164(fields, "From");
        var to = RequiredE164(fields, "To");

        var statusName = fields.Required("CallStatus");
        var status = TwilioCallStatus.Unknown;
        if (statusName.Length > 0 && !TwilioCallStatusNames.TryParse(statusName, out status))
        {
            fields.Errors.Add($"CallStatus '{statusName}' is not a Twilio call status (ringing, in-progress, completed, busy, failed, no-answer, canceled, queued).");
        }

        var direction = fields.Required("Direction");
        if (direction.Length > 0 && !Directions.Contains(direction, StringComparer.Ordinal))
        {
            fields.Errors.Add($"Direction '{direction}' is not a Twilio call direction ({string.Join(", ", Directions)}).");
        }

        var apiVersion = fields.Required("ApiVersion");
        var callDuration = fields.OptionalInt("CallDuration", 0, int.MaxValue);

        return fields.Errors.Count > 0
            ? new TwilioParseResult<TwilioCallWebhook>(null, fields.Errors)
            : new TwilioParseResult<TwilioCallWebhook>(
                new TwilioCallWebhook(
                    callSid, accountSid, from, to, status, direction, apiVersion, fields.Optional("CallerName"),
                    fields.Optional("FromCity"), fields.Optional("FromCountry"), fields.Optional("ToCountry"), callDuration),
                []);
    }

    private static string RequiredE164(TwilioFormFields fields, string name)
    {
        var value = fields.Required(name);
        if (value.Length > 0 && !WhatsAppAddress.TryFromE164(value, out _, out var error))
        {
            fields.Errors.Add($"{name}: {error}");
        }

        return value;
    }
}
