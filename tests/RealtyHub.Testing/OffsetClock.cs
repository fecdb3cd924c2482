namespace RealtyHub.Testing;

/// <summary>
/// The system clock plus an offset the test moves forward ("25 hours later"). Only wall-clock time jumps; timers
/// and timestamps keep real time, so Orleans and Kestrel keep working normally.
/// </summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
