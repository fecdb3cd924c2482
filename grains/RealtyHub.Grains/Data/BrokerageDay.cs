namespace RealtyHub.Grains.Data;

/// <summary>
/// A calendar day in a brokerage's time zone as UTC instants: KPIs count per local day, and a local day is 23, 24 or
/// 25 hours long depending on daylight saving.
/// </summary>
public static class BrokerageDay
{
    /// <summary>The local date of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The day's first instant (inclusive) and the next day's first instant (exclusive), in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) UtcBounds(DateOnly day, TimeZoneInfo zone) =>
        (StartOf(day, zone), StartOf(day.AddDays(1), zone));

    /// <summary>The first instant of the local day, in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where clocks jump forward at midnight (e.g. America/Santiago in September) midnight never happens:
        // the day starts at the first local time that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where clocks fall back across midnight it happens twice: the day starts at the first (the larger offset).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
