namespace RealtyHub.Grains.Board;

/// <summary>
/// Orders the reports of one grain: <see cref="Epoch"/> is when its activation started (activations of one grain
/// never overlap, so a later epoch is a later report), <see cref="Sequence"/> counts reports within the activation.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.event-stamp")]
public readonly record struct EventStamp(
    [property: Id(0)] long Epoch,
    [property: Id(1)] long Sequence) : IComparable<EventStamp>
{
    public int CompareTo(EventStamp other) =>
        Epoch != other.Epoch ? Epoch.CompareTo(other.Epoch) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(EventStamp left, EventStamp right) => left.CompareTo(right) < 0;

    public static bool operator >(EventStamp left, EventStamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(EventStamp left, EventStamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EventStamp left, EventStamp right) => left.CompareTo(right) >= 0;
}
