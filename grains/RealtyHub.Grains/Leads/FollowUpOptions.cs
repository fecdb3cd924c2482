namespace RealtyHub.Grains.Leads;

/// <summary>How follow-up reminders repeat until handled.</summary>
public sealed class FollowUpOptions
{
    /// <summary>
    /// Reminders are periodic; a follow-up is one-shot and removes its reminder once handled. The period matters
    /// when handling failed, or when the hub was down at the due time: the follow-up then fires at the next
    /// period boundary (at-least-once). Orleans refuses periods under its minimum (one minute by default).
    /// </summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(2);
}
