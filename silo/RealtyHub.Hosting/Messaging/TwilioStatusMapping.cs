using RealtyHub.Grains.Conversations;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Hosting.Messaging;

/// <summary>Twilio's message statuses in the hub's simpler delivery vocabulary.</summary>
public static class TwilioStatusMapping
{
    public static DeliveryStatus ToDeliveryStatus(this TwilioMessageStatus status) => status switch
    {
        TwilioMessageStatus.Sent => DeliveryStatus.Sent,
        TwilioMessageStatus.Delivered or TwilioMessageStatus.PartiallyDelivered => DeliveryStatus.Delivered,
        TwilioMessageStatus.Read => DeliveryStatus.Read,
        TwilioMessageStatus.Failed or TwilioMessageStatus.Canceled => DeliveryStatus.Failed,
        TwilioMessageStatus.Undelivered => DeliveryStatus.Undelivered,
        TwilioMessageStatus.Received or TwilioMessageStatus.Receiving => DeliveryStatus.Received,
        _ => DeliveryStatus.Queued,
    };
}
