namespace RealtyHub.Grains.Leads;

/// <summary>One lead of one brokerage. Key: <c>{brokerageId}/{leadId}</c>.</summary>
[Alias("realtyhub.lead")]
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>The lead, or <c>null</c> if it does not exist.</summary>
    [Alias("get")]
    Task<LeadSnapshot?> GetAsync();

    /// <summary>Creates the lead; calling it again for an existing lead returns the lead unchanged (idempotent).</summary>
    [Alias("create")]
    Task<LeadSnapshot> CreateAsync(LeadDetails details, string? ownerAgentId);

    /// <summary>
    /// Schedules the lead's next follow-up; a durable reminder fires at <paramref name="dueAt"/> even if the
    /// cluster restarted in between. Replaces any earlier follow-up.
    /// </summary>
    [Alias("schedule-follow-up")]
    Task<LeadSnapshot> ScheduleFollowUpAsync(DateTimeOffset dueAt, string note);
}
