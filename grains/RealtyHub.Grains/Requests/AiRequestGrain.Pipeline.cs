using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Grains.Requests;

/// <summary>The AI steps: understand, link the lead, draft with knowledge and context, check compliance, queue for an expert.</summary>
public sealed partial class AiRequestGrain
{
    private const int KnowledgeHits = 3;
    private const int ConversationExcerpt = 6;

    /// <summary>
    /// Runs the AI steps on a one-shot timer, so the submit call returns at once and each state is pushed as it is
    /// entered. The timer does not interleave: a cancel sent during a slow model call waits for that step to finish.
    /// </summary>
    private void ScheduleAdvance()
    {
        _advance?.Dispose();
        _advance = this.RegisterGrainTimer(AdvanceAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task AdvanceAsync(CancellationToken cancellationToken)
    {
        while (S.Current is RequestState.Received or RequestState.Transcribing or RequestState.Understanding or RequestState.Drafting)
        {
            var step = S.Current;
            try
            {
                switch (step)
                {
                    case RequestState.Received when S.VoiceMediaId is not null && S.Text.Length == 0:
                        await EnterAsync(RequestState.Transcribing, Ai, "Listening to the recording");
                        break;
                    case RequestState.Received:
                        await EnterAsync(RequestState.Understanding, Ai, "Reading the request");
                        break;
                    case RequestState.Transcribing:
                        await TranscribeAsync(cancellationToken);
                        break;
                    case RequestState.Understanding:
                        await UnderstandAsync(cancellationToken);
                        break;
                    default:
                        await DraftAsync(cancellationToken);
                        break;
                }
            }
            catch (Exception ex) when (ex is AiBudgetExceededException or AiUnavailableException)
            {
                await FailAsync(step, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                LogStepFailed(logger, ex, BrokerageId, RequestId);
                await FailAsync(step, $"The {step.ToString().ToLowerInvariant()} step failed unexpectedly; retry, or ask a supervisor if it fails again.");
            }
        }
    }

    private async Task FailAsync(RequestState step, string reason)
    {
        state.State = S with { Failure = reason, ResumeAt = step };
        await EnterAsync(RequestState.Failed, Ai, reason);
    }

    private async Task UnderstandAsync(CancellationToken cancellationToken)
    {
        var text = S.Answers.IsEmpty ? S.Text : $"{S.Text}\n{string.Join('\n', S.Answers)}";
        var understood = await understander.UnderstandAsync(BrokerageId, text, cancellationToken);
        var entities = await LinkAsync(understood.Entities with { ConversationId = understood.Entities.ConversationId ?? S.Entities.ConversationId });
        state.State = S with { Kind = understood.Kind, Entities = entities };
        // A follow-up asked from a conversation names its client through the link, whatever the words say.
        var clientKnown = understood.Kind == RequestKind.FollowUpMessage && entities.LeadId is not null;
        if (understood.MissingInfoQuestion is { } question && S.Answers.IsEmpty && !clientKnown)
        {
            // Asked once: after the agent's answer the request goes on, and the expert can still ask for more.
            state.State = S with { Question = question, ResumeAt = RequestState.Understanding };
            await EnterAsync(RequestState.NeedsInfo, Ai, question);
            return;
        }

        await EnterAsync(RequestState.Drafting, Ai, $"Understood as {Describe(understood.Kind)}{Linked(entities)} ({understood.ProducedBy})");
    }

    /// <summary>A named client becomes a link to their lead and its WhatsApp conversation when exactly one lead matches.</summary>
    private async Task<RequestEntities> LinkAsync(RequestEntities entities)
    {
        if (entities.ConversationId is { } conversationId && entities.LeadId is null
            && await Conversation(conversationId).GetAsync() is { Summary.LeadId: { } fromConversation })
        {
            entities = entities with { LeadId = fromConversation };
        }

        if (entities.LeadId is null && entities.ClientName is { Length: > 1 } name
            && await leads.FindByNameAsync(BrokerageId, name, 2) is [var only])
        {
            entities = entities with { LeadId = only.LeadId, ClientName = only.Name };
        }

        if (entities.LeadId is { } leadId && entities.ConversationId is null
            && await GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, leadId)).GetAsync() is { } lead
            && await Conversation(ConversationKeys.LocalId(lead.Details.Phone)).GetAsync() is not null)
        {
            entities = entities with { ConversationId = ConversationKeys.LocalId(lead.Details.Phone) };
        }

        return entities;
    }

    private async Task DraftAsync(CancellationToken cancellationToken)
    {
        var lead = S.Entities.LeadId is { } leadId ? await GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, leadId)).GetAsync() : null;
        var conversation = S.Entities.ConversationId is { } conversationId ? await Conversation(conversationId).GetAsync() : null;
        var hits = await knowledge.SearchAsync(BrokerageId, S.Text, KnowledgeHits, cancellationToken);
        var brokerage = await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).GetProfileAsync();
        var draft = await drafter.DraftAsync(
            new DraftInput(
                BrokerageId, brokerage?.Name ?? BrokerageId, S.AgentName, S.Text, KindOrDefault, S.Entities, lead,
                conversation is null ? [] : [.. conversation.RecentMessages.TakeLast(ConversationExcerpt)], hits, S.Answers),
            cancellationToken);
        var findings = await compliance.CheckAsync(BrokerageId, KindOrDefault, draft.Markdown, cancellationToken);
        state.State = S with { Draft = draft, Findings = [.. findings] };
        var checkedNote = findings.Count == 0 ? "no compliance findings" : $"{findings.Count} compliance finding(s) for the expert";

        // Queued before the state is announced: whoever sees AwaitingExpert can claim it at once. A claim that arrives
        // meanwhile waits for this step to finish (the timer does not interleave), so it finds AwaitingExpert.
        await Dispatch.EnqueueAsync(new QueuedRequest(RequestId, KindOrDefault, S.Priority, clock.GetUtcNow(), View().Title, S.AgentName));
        await EnterAsync(RequestState.AwaitingExpert, Ai, $"Draft ready ({draft.ProducedBy}; {checkedNote}); waiting for an expert");
    }

    private IConversationGrain Conversation(string conversationId) => GrainFactory.GetGrain<IConversationGrain>(GrainKeys.For(BrokerageId, conversationId));

    private static string Describe(RequestKind kind) => kind switch
    {
        RequestKind.MarketReport => "a market report",
        RequestKind.ListingDescription => "a listing description",
        RequestKind.SocialPost => "a social post",
        RequestKind.FollowUpMessage => "a follow-up message",
        RequestKind.DocumentCheck => "a document check",
        _ => "a knowledge question",
    };

    private static string Linked(RequestEntities e) => e.LeadId is null ? string.Empty : $" for {e.ClientName ?? "the linked lead"}";
}
