namespace RealtyHub.Integrations.Twilio;

/// <summary>Twilio error codes the hub and the emulator act on (https://www.twilio.com/docs/api/errors).</summary>
public static class TwilioErrorCodes
{
    /// <summary>Authentication failed (bad Account SID or auth token).</summary>
    public const int AuthenticationFailed = 20003;

    /// <summary>The requested resource was not found.</summary>
    public const int NotFound = 20404;

    /// <summary>Too many requests.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>Twilio had an internal error or was unavailable.</summary>
    public const int ServiceUnavailable = 20500;

    /// <summary>Invalid 'To' number.</summary>
    public const int InvalidTo = 21211;

    /// <summary>Invalid 'From' number.</summary>
    public const int InvalidFrom = 21212;

    /// <summary>Message body (or content template) is required.</summary>
    public const int BodyRequired = 21602;

    /// <summary>A 'From' number is required.</summary>
    public const int FromRequired = 21603;

    /// <summary>A 'To' number is required.</summary>
    public const int ToRequired = 21604;

    /// <summary>Invalid StatusCallback URL.</summary>
    public const int InvalidStatusCallback = 21609;

    /// <summary>The body exceeds 1600 characters.</summary>
    public const int BodyTooLong = 21617;

    /// <summary>Invalid media URL.</summary>
    public const int InvalidMediaUrl = 21620;

    /// <summary>ContentVariables given without ContentSid.</summary>
    public const int ContentSidRequired = 21654;

    /// <summary>The ContentSid is invalid.</summary>
    public const int InvalidContentSid = 21655;

    /// <summary>The ContentVariables parameter is invalid (not a JSON object of strings).</summary>
    public const int InvalidContentVariables = 21656;

    /// <summary>WhatsApp: the channel could not find the To address (the number is not on WhatsApp).</summary>
    public const int WhatsAppUnknownRecipient = 63003;

    /// <summary>WhatsApp: free-form message outside the 24-hour customer service window; use a template.</summary>
    public const int OutsideConversationWindow = 63016;
}
