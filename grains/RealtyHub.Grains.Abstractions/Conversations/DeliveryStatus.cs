namespace RealtyHub.Grains.Conversations;

/// <summary>Where a message stands. Outbound ones move Queued → Sent → Delivered → Read, or end Failed/Undelivered.</summary>
[GenerateSerializer, Alias("realtyhub.delivery-status")]
public enum DeliveryStatus
{
    Received = 0,
    Queued = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 5,
    Undelivered = 6,
}
