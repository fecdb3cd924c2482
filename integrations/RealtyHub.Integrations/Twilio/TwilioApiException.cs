using System.Net;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Twilio's REST API refused a request. Carries Twilio's error document
/// (<c>{"code": 21211, "message": "...", "more_info": "...", "status": 400}</c>,
/// https://www.twilio.com/docs/api/errors) and whether trying again later may succeed.
/// </summary>
public sealed class TwilioApiException : Exception
{
    /// <summary>Twilio could not be reached at all (connection failure, timeout, open circuit), after the retries.</summary>
    public TwilioApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from Twilio's response.</summary>
    public TwilioApiException(HttpStatusCode statusCode, int? code, string message, Uri? moreInfo)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        MoreInfo = moreInfo;
    }

    /// <summary>The HTTP status of Twilio's response; <c>null</c> when Twilio could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Twilio's error code (e.g. 20003 authentication failed, 21211 invalid To), when it sent one.</summary>
    public int? Code { get; }

    /// <summary>Twilio's page about the error.</summary>
    public Uri? MoreInfo { get; }

    /// <summary>
    /// Whether the same request may succeed later (Twilio unreachable, 408, 429, 5xx). The client already retried
    /// these; a caller may queue the message for later. Anything else needs the request or the configuration fixed.
    /// </summary>
    public bool IsTransient =>
        StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;
}
