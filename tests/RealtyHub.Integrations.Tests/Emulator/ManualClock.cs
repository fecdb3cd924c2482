namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>A clock the tests move by hand. Timers still run on real time: the emulator's delays are zero in tests.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
