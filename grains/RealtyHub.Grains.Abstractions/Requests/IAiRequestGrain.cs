namespace RealtyHub.Grains.Requests;

/// <summary>
/// One AI request of one agent: understood and drafted by AI, reviewed and delivered by an expert. Every state change
/// is an event (time, actor) pushed live and kept in PostgreSQL. Key: <c>{brokerageId}/{requestId}</c>.
/// </summary>
[Alias("realtyhub.ai-request")]
public interface IAiRequestGrain : IGrainWithStringKey
{
    /// <summary>Creates the request (idempotent per key) and starts the AI steps in the background.</summary>
    [Alias("submit")]
    Task<RequestView> SubmitAsync(NewRequest request, string agentName);

    /// <summary>The request, or <c>null</c> if there is none under this key.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<RequestView?> GetAsync();

    /// <summary>The agent answers a NeedsInfo question; the request resumes where it stopped.</summary>
    [Alias("answer")]
    Task<RequestOutcome> AnswerAsync(string agentId, string answer);

    /// <summary>The agent cancels (any state that is not final).</summary>
    [Alias("cancel")]
    Task<RequestOutcome> CancelAsync(string agentId);

    /// <summary>Runs a failed request again from the step that failed (the caller checked who may).</summary>
    [Alias("retry")]
    Task<RequestOutcome> RetryAsync(string actor);

    /// <summary>The agent rates a delivered request 1–5 with optional feedback.</summary>
    [Alias("rate")]
    Task<RequestOutcome> RateAsync(string agentId, int rating, string? feedback);

    /// <summary>Dispatch gave the request to an expert (their claim won). One-way: dispatch never waits on a request.</summary>
    [Alias("claimed"), OneWay]
    Task ClaimedAsync(string expertId, string expertName);

    /// <summary>Dispatch took the request back from its expert (released, or reclaimed by a supervisor after the SLA).</summary>
    [Alias("returned-to-queue"), OneWay]
    Task ReturnedToQueueAsync(string actor, string reason);

    /// <summary>The expert holding the request missed the delivery SLA; supervisors are alerted once.</summary>
    [Alias("delivery-sla-passed"), OneWay]
    Task DeliverySlaPassedAsync();

    /// <summary>The expert saves an edited draft; returns the compliance findings for it.</summary>
    [Alias("save-draft")]
    Task<RequestOutcome> SaveDraftAsync(string expertId, string markdown);

    /// <summary>The expert asks the agent for information (NeedsInfo); the claim stays with the expert.</summary>
    [Alias("ask-agent")]
    Task<RequestOutcome> AskAgentAsync(string expertId, string question);

    /// <summary>
    /// The expert delivers. A draft that breaks compliance rules is refused unless <paramref name="overrideReason"/>
    /// says why it may go anyway (the override is audited).
    /// </summary>
    [Alias("deliver")]
    Task<RequestOutcome> DeliverAsync(string expertId, string markdown, string? overrideReason);

    /// <summary>The expert rejects the request (cannot be done), with the reason the agent will read.</summary>
    [Alias("reject")]
    Task<RequestOutcome> RejectAsync(string expertId, string reason);
}
