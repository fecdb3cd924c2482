using System.Collections.Immutable;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Requests;

/// <summary>What the expert holding the request does: review, ask the agent, deliver (with the compliance gate), reject.</summary>
public sealed partial class AiRequestGrain
{
    private const int MaxMarkdown = 50_000;

    /// <summary>The name of the approved WhatsApp template that tells an agent their request is ready ({{1}} title, {{2}} expert).</summary>
    public const string RequestReadyTemplate = "Request ready";

    public async Task ClaimedAsync(string expertId, string expertName)
    {
        if (S.Current != RequestState.AwaitingExpert)
        {
            // Cancelled (or otherwise moved on) while the claim was on its way: let dispatch forget it.
            await Dispatch.WithdrawAsync(RequestId);
            return;
        }

        state.State = S with { ExpertId = expertId, ExpertName = expertName };
        await EnterAsync(RequestState.InReview, expertName, $"Claimed by {expertName}");
    }

    public async Task ReturnedToQueueAsync(string actor, string reason)
    {
        if (S.Current is not (RequestState.InReview or RequestState.NeedsInfo) || S.ExpertId is null)
        {
            return;
        }

        state.State = S with { ExpertId = null, ExpertName = null, Question = null, ResumeAt = null, SlaBreached = false };
        await EnterAsync(RequestState.AwaitingExpert, actor, reason);
    }

    public async Task DeliverySlaPassedAsync()
    {
        if (S.SlaBreached || S.Current is not (RequestState.InReview or RequestState.NeedsInfo))
        {
            return;
        }

        state.State = S with { SlaBreached = true };
        await EnterAsync(S.Current, "system", $"Delivery SLA passed while with {S.ExpertName}; supervisors alerted");
    }

    public async Task<RequestOutcome> SaveDraftAsync(string expertId, string markdown)
    {
        if (Check(expertId == S.ExpertId, RequestState.InReview) is { } refused)
        {
            return refused;
        }

        if (Invalid(markdown) is { } invalid)
        {
            return invalid;
        }

        var findings = await compliance.CheckAsync(BrokerageId, KindOrDefault, markdown);
        state.State = S with
        {
            Draft = new RequestDraft(markdown, S.Draft?.Citations ?? [], $"edited by {S.ExpertName}", clock.GetUtcNow()),
            Findings = [.. findings],
        };
        await SaveAndPublishAsync();
        return Done() with { Findings = [.. findings] };
    }

    public async Task<RequestOutcome> AskAgentAsync(string expertId, string question)
    {
        if (Check(expertId == S.ExpertId, RequestState.InReview) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(question) || question.Length > 2000)
        {
            return Refuse(RequestOutcomeStatus.Invalid, "Write the question for the agent (at most 2000 characters).");
        }

        state.State = S with { Question = question.Trim(), ResumeAt = RequestState.InReview };
        await EnterAsync(RequestState.NeedsInfo, S.ExpertName!, question.Trim());
        return Done();
    }

    public async Task<RequestOutcome> DeliverAsync(string expertId, string markdown, string? overrideReason)
    {
        if (Check(expertId == S.ExpertId, RequestState.InReview) is { } refused)
        {
            return refused;
        }

        if (Invalid(markdown) is { } invalid)
        {
            return invalid;
        }

        var findings = await compliance.CheckAsync(BrokerageId, KindOrDefault, markdown);
        if (findings.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            state.State = S with { Findings = [.. findings] };
            await SaveAndPublishAsync();
            return new RequestOutcome(RequestOutcomeStatus.ComplianceBlocked, View(),
                "The deliverable breaks compliance rules: fix it, or give the reason it may go anyway.", [.. findings]);
        }

        var now = clock.GetUtcNow();
        state.State = S with
        {
            Deliverable = new RequestDraft(markdown, S.Draft?.Citations ?? [], S.ExpertName!, now),
            Findings = [.. findings],
        };
        if (findings.Count > 0)
        {
            await audit.RecordAsync(new AuditEntry(BrokerageId, now, S.ExpertName!, "request.compliance-override", RequestId,
                $"{string.Join("; ", findings.Select(f => f.RuleId))} — {overrideReason!.Trim()}"));
        }

        var note = findings.Count > 0 ? $"Delivered with a compliance override: {overrideReason!.Trim()}" : "Delivered";
        if (await SendCopyToWhatsAppAsync() is { } number)
        {
            note += $"; a copy is on its way to the agent's WhatsApp ({number})";
        }

        await EnterAsync(RequestState.Delivered, S.ExpertName!, note);
        await Dispatch.WithdrawAsync(RequestId);
        return Done();
    }

    public async Task<RequestOutcome> RejectAsync(string expertId, string reason)
    {
        if (Check(expertId == S.ExpertId, RequestState.InReview, RequestState.NeedsInfo) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Refuse(RequestOutcomeStatus.Invalid, "Say why the request cannot be done (at most 2000 characters).");
        }

        await EnterAsync(RequestState.Rejected, S.ExpertName!, reason.Trim());
        await Dispatch.WithdrawAsync(RequestId);
        return Done();
    }

    /// <summary>
    /// Agents who asked for it get the deliverable on their own WhatsApp too: the brokerage's "Request ready" template
    /// when it has one (the only way to reach them outside WhatsApp's 24-hour window), else the text itself.
    /// </summary>
    private async Task<string?> SendCopyToWhatsAppAsync()
    {
        var agent = await GrainFactory.GetGrain<IAgentGrain>(GrainKeys.For(BrokerageId, S.AgentId!)).GetAsync();
        var brokerage = await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetProfileAsync();
        if (agent is not { DeliverablesToWhatsApp: true, WhatsAppNumber: { } number } || brokerage is null || brokerage.WhatsAppNumbers.IsDefaultOrEmpty)
        {
            return null;
        }

        var template = brokerage.Templates.FirstOrDefault(t => string.Equals(t.Name, RequestReadyTemplate, StringComparison.OrdinalIgnoreCase));
        var title = View().Title;
        var text = S.Deliverable!.Markdown;
        var body = $"Your request \"{title}\" is ready ({S.ExpertName}).\n\n{(text.Length <= 1200 ? text : string.Concat(text.AsSpan(0, 1197), "..."))}";
        await outbound.EnqueueAsync(new OutboundWhatsApp(
            BrokerageId, ConversationKeys.LocalId(number), $"request-{RequestId}-delivered", brokerage.WhatsAppNumbers[0], number,
            template is null ? body : null, template?.ContentSid,
            template is null ? null : ImmutableDictionary<string, string>.Empty.Add("1", title).Add("2", S.ExpertName!)));
        return number;
    }

    private RequestOutcome? Invalid(string markdown) => string.IsNullOrWhiteSpace(markdown) || markdown.Length > MaxMarkdown
        ? Refuse(RequestOutcomeStatus.Invalid, $"The deliverable is empty or longer than {MaxMarkdown} characters.")
        : null;
}
