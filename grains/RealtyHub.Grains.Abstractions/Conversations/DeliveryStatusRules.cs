namespace RealtyHub.Grains.Conversations;

/// <summary>
/// Status callbacks may arrive out of order (delivered before sent); a message only ever moves forward, and a
/// failure is final.
/// </summary>
public static class DeliveryStatusRules
{
    public static bool IsFinal(this DeliveryStatus status) => status is DeliveryStatus.Failed or DeliveryStatus.Undelivered or DeliveryStatus.Read;

    public static bool CanMoveTo(this DeliveryStatus current, DeliveryStatus next) =>
        !current.IsFinal() && next != current && (next is DeliveryStatus.Failed or DeliveryStatus.Undelivered || next > current);
}
