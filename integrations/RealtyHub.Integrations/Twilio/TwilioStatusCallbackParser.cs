namespace RealtyHub.Integrations.Twilio;

/// <summary>Reads Twilio's message status callback form into a <see cref="TwilioStatusCallback"/>.</summary>
public static class TwilioStatusCallbackParser
{
    /// <summary>
    /// Parses the form fields (names as Twilio posts them). Validate the <see cref="TwilioSignature"/> first:
    /// this only checks the shape, and lists every problem found.
    /// </summary>
    public static TwilioParseResult<TwilioStatusCallback> Parse(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = new TwilioFormFields(form);
        var messageSid = fields.RequiredSid("MessageSid", "SM", "MM");
        var accountSid = fields.RequiredSid("AccountSid", "AC");

        // SmsStatus is the legacy name of the same value; Twilio still sends both.
        var statusName = fields.Optional("MessageStatus") ?? fields.Optional("SmsStatus");
        var status = TwilioMessageStatus.Unknown;
        if (statusName is null)
        {
            fields.Errors.Add("MessageStatus is required.");
        }
        else if (!TwilioMessageStatusNames.TryParse(statusName, out status))
        {
            fields.Errors.Add($"MessageStatus '{statusName}' is not a Twilio message status.");
        }

        var errorCode = fields.OptionalInt("ErrorCode", 0, int.MaxValue);
        var to = fields.RequiredWhatsApp("To");
        var from = fields.RequiredWhatsApp("From");

        return fields.Errors.Count > 0
            ? new TwilioParseResult<TwilioStatusCallback>(null, fields.Errors)
            : new TwilioParseResult<TwilioStatusCallback>(
                new TwilioStatusCallback(messageSid, status, errorCode, fields.Optional("ErrorMessage"), to!, from!, accountSid),
                []);
    }
}
