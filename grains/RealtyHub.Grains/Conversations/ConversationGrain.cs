using System.Globalization;
using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Routing;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Conversations;

public sealed partial class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Name)] IPersistentState<ConversationGrain.State> state,
    IConversationStore store,
    IOutboundMessenger outbound,
    IAuditLog audit,
    IAgentActivityLog activity,
    IMediaStore media,
    ISpeechToText speech,
    TimeProvider clock,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain, IRemindable
{
    private const string FirstResponseReminder = "first-response";
    /// <summary>Twilio's limit for one WhatsApp message body.</summary>
    private const int MaxBodyLength = 1600;

    /// <summary>Orders this activation's reports to the team board after those of earlier activations.</summary>
    private readonly long _epoch = clock.GetUtcNow().UtcTicks;
    private long _sequence;

    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    private string ConversationId => GrainKeys.Parse(this.GetPrimaryKeyString()).LocalId;

    private State S => state.State;

    public Task<ConversationView?> GetAsync() => Task.FromResult<ConversationView?>(
        S.ClientPhone is null ? null : new ConversationView(Summary(), [.. S.Recent]));

    public async Task<bool> ReceiveAsync(InboundWhatsApp message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var chat = new ChatMessage(message.MessageSid, MessageDirection.Inbound, message.Body, message.Media, message.ReceivedAt, DeliveryStatus.Received);
        if (S.RecentInboundSids.Contains(message.MessageSid))
        {
            // A Twilio retry of a message this grain already took; make sure the history has it, change nothing else.
            await store.TryAppendMessageAsync(BrokerageId, ConversationId, chat);
            return false;
        }

        chat = WithPendingTranscripts(chat);
        await store.TryAppendMessageAsync(BrokerageId, ConversationId, chat);
        state.State = S.Append(chat).RememberSid(message.MessageSid) with
        {
            ClientPhone = message.ClientPhone,
            BusinessPhone = message.BusinessPhone,
            ClientName = string.IsNullOrWhiteSpace(message.ProfileName) ? S.ClientName : message.ProfileName.Trim(),
            LastInboundAt = message.ReceivedAt,
            UnreadCount = S.UnreadCount + 1,
            Status = ConversationStatus.Open,
            AwaitingReplySince = S.AwaitingReplySince ?? message.ReceivedAt,
            Language = LanguageOf(message.Body) ?? S.Language,
        };

        var lead = await UpsertLeadAsync(message);
        await ApplyConsentKeywordAsync(message, lead);
        if (S.AssignedAgentId is null)
        {
            var agentId = await GrainFactory.GetGrain<IRoutingGrain>(BrokerageId).RouteAsync(Queued(lead));
            if (agentId is not null)
            {
                await TakeAssignmentAsync(agentId, lead);
            }
        }

        if (S.OptedOut)
        {
            // Nobody may answer a client who opted out, so nobody owes them a first response.
            state.State = S with { AwaitingReplySince = null, FirstResponseDueAt = null };
            await StopFirstResponseClockAsync();
        }
        else
        {
            await StartFirstResponseClockAsync();
        }

        await state.WriteStateAsync();
        await PublishAsync(chat);
        if (!S.PendingTranscripts.IsEmpty)
        {
            ScheduleTranscripts(TimeSpan.Zero);
        }

        return true;
    }

    public async Task<ReplyOutcome> ReplyAsync(ReplyRequest reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (S.Recent.FirstOrDefault(m => m.MessageId == reply.IdempotencyKey) is { } already)
        {
            return new ReplyOutcome(ReplyStatus.Queued, already, null);
        }

        if (Refusal(reply) is { } refusal)
        {
            return refusal;
        }

        var message = new ChatMessage(
            reply.IdempotencyKey, MessageDirection.Outbound, reply.TemplateSid is null ? reply.Body!.Trim() : reply.Body, [], clock.GetUtcNow(),
            DeliveryStatus.Queued, reply.AgentId, reply.TemplateSid, TemplateVariables: reply.TemplateVariables);
        await store.TryAppendMessageAsync(BrokerageId, ConversationId, message);
        var waited = S.AwaitingReplySince is { } since ? message.At - since : (TimeSpan?)null;
        state.State = S.Append(message) with { UnreadCount = 0, AwaitingReplySince = null, FirstResponseDueAt = null };
        await state.WriteStateAsync();
        await StopFirstResponseClockAsync();
        await outbound.EnqueueAsync(new OutboundWhatsApp(
            BrokerageId, ConversationId, message.MessageId, S.BusinessPhone!, S.ClientPhone!, reply.TemplateSid is null ? message.Body : null,
            reply.TemplateSid, reply.TemplateVariables));
        await activity.RecordAsync(new AgentActivity(
            BrokerageId, reply.AgentId, message.At, AgentActivityKinds.Reply, ConversationId, (long?)waited?.TotalMilliseconds));
        await PublishAsync(message);
        return new ReplyOutcome(ReplyStatus.Queued, message, null);
    }

    public async Task ApplyDeliveryAsync(string messageId, DeliveryStatus status, string? providerSid, string? errorCode, string? errorMessage)
    {
        await store.AppendStatusAsync(BrokerageId, messageId, status, providerSid, errorCode, errorMessage, clock.GetUtcNow());
        var index = S.Recent.FindIndex(m => m.MessageId == messageId);
        if (index < 0 || !S.Recent[index].Status.CanMoveTo(status))
        {
            return;
        }

        var updated = S.Recent[index] with
        {
            Status = status,
            ProviderSid = providerSid ?? S.Recent[index].ProviderSid,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
        };
        state.State = S with { Recent = S.Recent.SetItem(index, updated) };
        await state.WriteStateAsync();
        await PublishAsync(updated);
    }

    public async Task<ConversationSummary> AssignAsync(string? agentId, string actor)
    {
        EnsureExists();
        if (agentId == S.AssignedAgentId)
        {
            return Summary();
        }

        state.State = S with { AssignedAgentId = agentId, FirstResponseDueAt = null };
        await GrainFactory.GetGrain<IRoutingGrain>(BrokerageId).AssignedManuallyAsync(ConversationId, agentId);
        if (agentId is not null && S.LeadId is not null)
        {
            await GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, S.LeadId)).ClaimOwnerAsync(agentId);
        }

        await StartFirstResponseClockAsync();
        await state.WriteStateAsync();
        await audit.RecordAsync(new AuditEntry(BrokerageId, clock.GetUtcNow(), actor, "conversation.assign", ConversationId, agentId ?? "unassigned"));
        await PublishAsync(null);
        return Summary();
    }

    public async Task AssignFromRoutingAsync(string agentId)
    {
        if (S.ClientPhone is null || S.AssignedAgentId is not null || S.Status == ConversationStatus.Resolved)
        {
            return;
        }

        await TakeAssignmentAsync(agentId, lead: null);
        await StartFirstResponseClockAsync();
        await state.WriteStateAsync();
        await PublishAsync(null);
    }

    public async Task MarkReadAsync()
    {
        if (S.ClientPhone is null || S.UnreadCount == 0)
        {
            return;
        }

        state.State = S with { UnreadCount = 0 };
        await state.WriteStateAsync();
        await PublishAsync(null);
    }

    public async Task<ConversationSummary> SetStatusAsync(ConversationStatus status, string actor)
    {
        EnsureExists();
        if (S.Status == status)
        {
            return Summary();
        }

        state.State = status == ConversationStatus.Resolved
            ? S with { Status = status, AwaitingReplySince = null, FirstResponseDueAt = null, UnreadCount = 0 }
            : S with { Status = status };
        await state.WriteStateAsync();
        if (status == ConversationStatus.Resolved)
        {
            await StopFirstResponseClockAsync();
            await GrainFactory.GetGrain<IRoutingGrain>(BrokerageId).ReleaseAsync(ConversationId);
        }

        await audit.RecordAsync(new AuditEntry(BrokerageId, clock.GetUtcNow(), actor, $"conversation.{status.ToString().ToLowerInvariant()}", ConversationId));
        await PublishAsync(null);
        return Summary();
    }

    public async Task CheckFirstResponseAsync()
    {
        if (S.FirstResponseDueAt is not { } due || S.AssignedAgentId is not { } missedBy)
        {
            await StopFirstResponseClockAsync();
            return;
        }

        var now = clock.GetUtcNow();
        if (now < due)
        {
            return;
        }

        // Speed-to-lead: the client waited past the SLA; offer the conversation to the next agent and tell supervisors.
        var next = await GrainFactory.GetGrain<IRoutingGrain>(BrokerageId).ReassignAsync(Queued(lead: null), missedBy);
        state.State = S with { AssignedAgentId = next, FirstResponseDueAt = null };
        await StartFirstResponseClockAsync();
        await state.WriteStateAsync();
        var waited = now - S.AwaitingReplySince!.Value;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{S.ClientName ?? S.ClientPhone} waited {waited.TotalMinutes:F0} min without a first response; {(next is null ? "back in the unassigned queue" : "offered to the next agent")}.");
        await audit.RecordAsync(new AuditEntry(BrokerageId, now, "system", "conversation.sla-breached", ConversationId, $"{missedBy} -> {next ?? "queue"}"));
        await GrainFactory.GetGrain<ITeamBoardGrain>(BrokerageId).AlertRaisedAsync(
            new HubAlert(Guid.NewGuid().ToString("N"), BrokerageId, AlertKinds.FirstResponseSla, message, now, ConversationId, missedBy));
        LogSlaBreached(logger, BrokerageId, ConversationId, missedBy);
        await PublishAsync(null);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == FirstResponseReminder ? CheckFirstResponseAsync() : Task.CompletedTask;
}
