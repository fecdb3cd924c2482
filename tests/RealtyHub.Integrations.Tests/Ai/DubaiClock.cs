namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>A fixed instant seen from Dubai (UTC+4), so "today" in the rules is the Dubai date, not the machine's.</summary>
public sealed class DubaiClock(DateTimeOffset utcNow) : TimeProvider
{
    private static readonly TimeZoneInfo Dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");

    /// <summary>Monday 2 March 2026, 01:30 in Dubai, which is still Sunday 1 March in UTC.</summary>
    public static DubaiClock MondayMorning() => new(new DateTimeOffset(2026, 3, 1, 21, 30, 0, TimeSpan.Zero));

    public override TimeZoneInfo LocalTimeZone => Dubai;

    public override DateTimeOffset GetUtcNow() => utcNow;
}
