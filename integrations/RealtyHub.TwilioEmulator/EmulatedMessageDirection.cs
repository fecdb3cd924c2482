namespace RealtyHub.TwilioEmulator;

/// <summary>Which way a message went, in Twilio's terms.</summary>
public enum EmulatedMessageDirection
{
    /// <summary>From a (simulated) client to the business number: Twilio's <c>inbound</c>.</summary>
    Inbound,

    /// <summary>Sent by the hub through the REST API: Twilio's <c>outbound-api</c>.</summary>
    OutboundApi,
}
