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

    /// <summary>Records contact from the client (e.g. a WhatsApp message); a better name replaces a bare number.</summary>
    [Alias("record-contact")]
    Task<LeadSnapshot> RecordContactAsync(DateTimeOffset at, string? profileName);

    /// <summary>Sets the owner agent when the lead has none yet.</summary>
    [Alias("claim-owner")]
    Task ClaimOwnerAsync(string agentId);

    /// <summary>Records the client's messaging consent (opt-out via STOP, opt-in via START).</summary>
    [Alias("set-consent")]
    Task SetConsentAsync(bool optedOut, DateTimeOffset at, string source);

    /// <summary>
    /// Schedules the lead's next follow-up; a durable reminder fires at <paramref name="dueAt"/> even if the
    /// cluster restarted in between. Replaces any earlier follow-up.
    /// </summary>
    [Alias("schedule-follow-up")]
    Task<LeadSnapshot> ScheduleFollowUpAsync(DateTimeOffset dueAt, string note);

    /// <summary>
    /// Moves the lead to <paramref name="stage"/> (any stage: corrections may go back) and audits it. A move forward,
    /// to a later stage other than Lost, counts for the owner agent's KPIs, or for the acting agent when the lead has
    /// no owner. <paramref name="actor"/> is the acting user's id (an agent's id is their user id).
    /// </summary>
    [Alias("move-stage")]
    Task<LeadSnapshot> MoveStageAsync(LeadStage stage, string actor);
}
