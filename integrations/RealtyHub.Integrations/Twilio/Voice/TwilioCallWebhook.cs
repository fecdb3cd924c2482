namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// A voice webhook as Twilio posts it: the incoming-call request to a number's Voice URL (<c>CallStatus=ringing</c>)
/// or a call status callback (<c>CallStatus=completed</c> with <c>CallDuration</c>)
/// (https://www.twilio.com/docs/voice/twiml#request-parameters). Parse it with <see cref="TwilioCallWebhookParser"/>.
/// </summary>
/// <param name="CallSid">Twilio's id of the call (<c>CA…</c>); the same on every webhook of that call.</param>
/// <param name="AccountSid">The account the call arrived on.</param>
/// <param name="From">The caller, E.164 (<c>+971501234567</c>).</param>
/// <param name="To">Our number that was called, E.164.</param>
/// <param name="Status">Where the call is.</param>
/// <param name="Direction"><c>inbound</c> for calls to our numbers; <c>outbound-api</c>/<c>outbound-dial</c> for calls we place.</param>
/// <param name="ApiVersion">The API version of the request, <c>2010-04-01</c>.</param>
/// <param name="CallerName">The caller ID name, when the number has caller-name lookup enabled.</param>
/// <param name="FromCity">The caller's city, when Twilio knows it.</param>
/// <param name="FromCountry">The caller's country (ISO 3166-1 alpha-2), when Twilio knows it.</param>
/// <param name="ToCountry">The called number's country, when Twilio knows it.</param>
/// <param name="CallDuration">Seconds the call lasted; only on status callbacks of completed calls.</param>
public sealed record TwilioCallWebhook(
    string CallSid,
    string AccountSid,
    string From,
    string To,
    TwilioCallStatus Status,
    string Direction,
    string ApiVersion,
    string? CallerName = null,
    string? FromCity = null,
    string? FromCountry = null,
    string? ToCountry = null,
    int? CallDuration = null);
