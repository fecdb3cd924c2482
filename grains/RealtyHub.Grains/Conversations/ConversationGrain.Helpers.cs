using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Routing;

namespace RealtyHub.Grains.Conversations;

public sealed partial class ConversationGrain
{
    private ConversationSummary Summary() => new(
        BrokerageId, ConversationId, S.ClientPhone ?? ConversationKeys.ClientPhone(ConversationId), S.ClientName, S.LeadId, S.AssignedAgentId,
        S.Status, S.LastInboundAt, S.LastMessageAt, Preview(S.Recent.LastOrDefault()), S.UnreadCount, S.OptedOut, S.FirstResponseDueAt,
        S.BusinessPhone ?? string.Empty, S.AwaitingReplySince);

    private static string? Preview(ChatMessage? message) => message switch
    {
        null => null,
        { Body: { Length: > 0 } body } => body.Length <= 120 ? body : string.Concat(body.AsSpan(0, 117), "..."),
        { Media.Length: > 0 } m => m.Media[0].IsVoiceNote ? "Voice note" : m.Media[0].IsImage ? "Photo" : "Attachment",
        { TemplateSid: not null } => "Template message",
        _ => null,
    };

    /// <summary>Arabic script in the text is the one language signal a first message reliably gives.</summary>
    private static string? LanguageOf(string? body) =>
        body is not null && body.Any(c => c is >= '\u0600' and <= '\u06FF') ? "ar" : null;

    private QueuedConversation Queued(LeadSnapshot? lead) =>
        new(ConversationId, S.AwaitingReplySince ?? clock.GetUtcNow(), new RoutingHints(S.Language, lead?.Details.Area));

    private ReplyOutcome? Refusal(ReplyRequest reply)
    {
        if (S.ClientPhone is null)
        {
            return new ReplyOutcome(ReplyStatus.Invalid, null, "This client has not written to the brokerage yet.");
        }

        if (reply.TemplateSid is null && string.IsNullOrWhiteSpace(reply.Body))
        {
            return new ReplyOutcome(ReplyStatus.Invalid, null, "Write a message or choose a template.");
        }

        if (reply.Body is { Length: > MaxBodyLength })
        {
            return new ReplyOutcome(ReplyStatus.Invalid, null, $"A WhatsApp message can be at most {MaxBodyLength} characters.");
        }

        if (S.OptedOut)
        {
            return new ReplyOutcome(ReplyStatus.OptedOut, null,
                $"{S.ClientName ?? S.ClientPhone} opted out (STOP) on {S.OptedOutAt:yyyy-MM-dd HH:mm} UTC; nothing can be sent until they write START.");
        }

        if (reply.TemplateSid is null && !Summary().IsWindowOpen(clock.GetUtcNow()))
        {
            return new ReplyOutcome(ReplyStatus.WindowClosed, null,
                $"The 24-hour WhatsApp window closed at {Summary().WindowClosesAt:yyyy-MM-dd HH:mm} UTC; send an approved template instead.");
        }

        return null;
    }

    private async Task<LeadSnapshot> UpsertLeadAsync(InboundWhatsApp message)
    {
        var leadId = S.LeadId ?? $"wa-{ConversationId}";
        var lead = GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, leadId));
        var name = string.IsNullOrWhiteSpace(message.ProfileName) ? message.ClientPhone : message.ProfileName.Trim();
        await lead.CreateAsync(new LeadDetails(name, message.ClientPhone, "WhatsApp", null, null, null), S.AssignedAgentId);
        var snapshot = await lead.RecordContactAsync(message.ReceivedAt, message.ProfileName);
        state.State = S with { LeadId = leadId };
        return snapshot;
    }

    private async Task ApplyConsentKeywordAsync(InboundWhatsApp message, LeadSnapshot lead)
    {
        if (ConsentKeywords.Classify(message.Body) is not { } optOut || optOut == S.OptedOut)
        {
            return;
        }

        state.State = S with { OptedOut = optOut, OptedOutAt = optOut ? message.ReceivedAt : null };
        await GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, lead.LeadId))
            .SetConsentAsync(optOut, message.ReceivedAt, $"whatsapp:{message.ClientPhone}");
    }

    private async Task TakeAssignmentAsync(string agentId, LeadSnapshot? lead)
    {
        state.State = S with { AssignedAgentId = agentId };
        if ((lead?.LeadId ?? S.LeadId) is { } leadId)
        {
            await GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, leadId)).ClaimOwnerAsync(agentId);
        }
    }

    /// <summary>While an assigned agent owes the client a first answer, a reminder watches the brokerage's SLA.</summary>
    private async Task StartFirstResponseClockAsync()
    {
        if (S.AwaitingReplySince is not { } since || S.AssignedAgentId is null || S.FirstResponseDueAt is not null)
        {
            return;
        }

        var sla = (await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetProfileAsync())?.FirstResponseSla ?? TimeSpan.FromMinutes(5);
        var now = clock.GetUtcNow();
        var due = (since > now ? since : now) + sla;
        state.State = S with { FirstResponseDueAt = due };
        await this.RegisterOrUpdateReminder(FirstResponseReminder, due - now, TimeSpan.FromMinutes(1));
    }

    private async Task StopFirstResponseClockAsync()
    {
        if (await this.GetReminder(FirstResponseReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureExists()
    {
        if (S.ClientPhone is null)
        {
            throw new InvalidOperationException($"Conversation '{ConversationId}' does not exist.");
        }
    }

    /// <summary>Stores the summary first (the inbox and a restarted board read it), then tells the consoles and the board.</summary>
    private async Task PublishAsync(ChatMessage? message)
    {
        var summary = Summary();
        await store.UpsertSummaryAsync(summary);
        await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).PublishConversationAsync(summary, message);
        await GrainFactory.GetGrain<ITeamBoardGrain>(BrokerageId).ConversationChangedAsync(summary, message, new EventStamp(_epoch, ++_sequence));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First-response SLA missed in {BrokerageId}/{ConversationId} by agent {AgentId}")]
    private static partial void LogSlaBreached(ILogger logger, string brokerageId, string conversationId, string agentId);
}
