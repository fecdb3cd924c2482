namespace RealtyHub.Web.Webhooks;

/// <summary>How stored inbound webhooks are retried and when they are parked (section <c>RealtyHub:Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string Section = "RealtyHub:Inbound";

    /// <summary>How often the sweep looks for webhooks left unprocessed.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Only webhooks this old are swept, so the sweep does not race the normal path.</summary>
    public TimeSpan StrandedAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a failing webhook is parked for an admin (about an hour with the default pauses).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The pause after the first failure; it doubles after each, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The pause after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan PauseAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryMax.Ticks, RetryBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
