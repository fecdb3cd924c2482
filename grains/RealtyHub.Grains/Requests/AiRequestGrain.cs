using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Requests;

/// <summary>
/// One AI request. Commands from the agent and the expert are checked against the state machine here; the AI steps
/// (understanding, drafting, compliance) run on a grain timer right after submit, answer or retry. Every state
/// entered is a timeline event, saved with the request to PostgreSQL and pushed to the consoles and the board.
/// </summary>
public sealed partial class AiRequestGrain(
    [PersistentState("ai-request", GrainStorage.Name)] IPersistentState<AiRequestGrain.State> state,
    IRequestUnderstander understander,
    IRequestDrafter drafter,
    IKnowledgeSearch knowledge,
    IComplianceChecker compliance,
    IRequestStore store,
    ILeadDirectory leads,
    IAuditLog audit,
    IAgentActivityLog activity,
    IOutboundMessenger outbound,
    ISpeechToText speech,
    TimeProvider clock,
    ILogger<AiRequestGrain> logger) : Grain, IAiRequestGrain
{
    private const string Ai = "AI";
    private readonly long _epoch = clock.GetUtcNow().UtcTicks;
    private long _sequence;
    private IGrainTimer? _advance;

    private State S => state.State;

    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    private string RequestId => GrainKeys.Parse(this.GetPrimaryKeyString()).LocalId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A request that was mid-way through its AI steps when its silo stopped carries on here.
        if (S.Exists && S.Current is RequestState.Received or RequestState.Transcribing or RequestState.Understanding or RequestState.Drafting)
        {
            ScheduleAdvance();
        }

        return Task.CompletedTask;
    }

    public async Task<RequestView> SubmitAsync(NewRequest request, string agentName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Exists)
        {
            return View();
        }

        var now = clock.GetUtcNow();
        state.State = new State
        {
            AgentId = request.AgentId,
            AgentName = agentName,
            Text = request.Text.Trim(),
            VoiceMediaId = request.VoiceMediaId,
            Priority = request.Priority,
            Source = request.Source,
            CreatedAt = now,
            Entities = RequestEntities.None with { ConversationId = request.ConversationId },
        }.Enter(RequestState.Received, agentName, $"Asked from the {request.Source}", now);
        await SaveAndPublishAsync();
        await activity.RecordAsync(new AgentActivity(BrokerageId, request.AgentId, now, AgentActivityKinds.RequestMade, RequestId));
        ScheduleAdvance();
        return View();
    }

    public Task<RequestView?> GetAsync() => Task.FromResult(S.Exists ? View() : null);

    public async Task<RequestOutcome> AnswerAsync(string agentId, string answer)
    {
        if (Check(agentId == S.AgentId, RequestState.NeedsInfo) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Length > 4000)
        {
            return Refuse(RequestOutcomeStatus.Invalid, "Write an answer (at most 4000 characters).");
        }

        var resume = S.ResumeAt ?? RequestState.Understanding;
        // A spoken request that could not be transcribed gets its words from the answer.
        state.State = S.Text.Length == 0
            ? S with { Text = answer.Trim(), Question = null, ResumeAt = null }
            : S with { Answers = S.Answers.Add(answer.Trim()), Question = null, ResumeAt = null };
        await EnterAsync(resume, S.AgentName, answer.Trim());
        ScheduleAdvance();
        return Done();
    }

    public async Task<RequestOutcome> CancelAsync(string agentId)
    {
        if (!S.Exists || agentId != S.AgentId)
        {
            return Refuse(RequestOutcomeStatus.NotYours, "Only the agent who asked can cancel the request.");
        }

        if (S.Current.IsFinal())
        {
            return Refuse(RequestOutcomeStatus.NotAllowed, $"The request is already {S.Current}.");
        }

        await EnterAsync(RequestState.Cancelled, S.AgentName, "Cancelled by the agent");
        await Dispatch.WithdrawAsync(RequestId);
        return Done();
    }

    public async Task<RequestOutcome> RetryAsync(string actor)
    {
        if (Check(true, RequestState.Failed) is { } refused)
        {
            return refused;
        }

        var resume = S.ResumeAt ?? RequestState.Understanding;
        state.State = S with { Failure = null, ResumeAt = null };
        await EnterAsync(resume, actor, "Retrying");
        ScheduleAdvance();
        return Done();
    }

    public async Task<RequestOutcome> RateAsync(string agentId, int rating, string? feedback)
    {
        if (Check(agentId == S.AgentId, RequestState.Delivered) is { } refused)
        {
            return refused;
        }

        if (rating is < 1 or > 5 || feedback?.Length > 2000)
        {
            return Refuse(RequestOutcomeStatus.Invalid, "Rate from 1 to 5 (feedback at most 2000 characters).");
        }

        state.State = S with { Rating = rating, Feedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim() };
        await SaveAndPublishAsync();
        await activity.RecordAsync(new AgentActivity(BrokerageId, S.AgentId!, clock.GetUtcNow(), AgentActivityKinds.DeliverableRated, RequestId, rating));
        return Done();
    }

    /// <summary>A request not understood yet is treated as a knowledge question.</summary>
    private RequestKind KindOrDefault => S.Kind ?? RequestKind.KnowledgeAnswer;

    private IDispatchGrain Dispatch => GrainFactory.GetGrain<IDispatchGrain>(BrokerageId);

    /// <summary>The caller must be the right person and the request in <paramref name="expected"/>.</summary>
    private RequestOutcome? Check(bool isCaller, params RequestState[] expected)
    {
        if (!S.Exists || !isCaller)
        {
            return Refuse(RequestOutcomeStatus.NotYours, "This request is not yours to act on.");
        }

        return expected.Contains(S.Current)
            ? null
            : Refuse(RequestOutcomeStatus.NotAllowed, $"Not possible while the request is {S.Current}.");
    }

    private RequestOutcome Done() => new(RequestOutcomeStatus.Done, View());

    private RequestOutcome Refuse(RequestOutcomeStatus status, string reason) => new(status, S.Exists ? View() : null, reason);

    private RequestView View() => new(
        BrokerageId, RequestId, S.AgentId!, S.AgentName, S.Text, S.Priority, S.Current, S.Kind, S.Entities, S.CreatedAt, S.Draft,
        S.Findings, S.ExpertId, S.ExpertName, S.Question, S.Deliverable, S.Rating, S.Feedback, S.Failure, [.. S.Timeline], S.VoiceMediaId);

    private async Task EnterAsync(RequestState next, string actor, string? note)
    {
        state.State = S.Enter(next, actor, note, clock.GetUtcNow());
        await SaveAndPublishAsync();
    }

    private async Task SaveAndPublishAsync()
    {
        await state.WriteStateAsync();
        var view = View();
        await store.SaveAsync(view);
        await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).PublishRequestAsync(view);
        await GrainFactory.GetGrain<ITeamBoardGrain>(BrokerageId).RequestChangedAsync(new BoardRequestReport(
            RequestId, S.Current.ToString(), S.Current.IsFinal(), S.Current == RequestState.AwaitingExpert, S.Timeline[^1].At, view.Title,
            S.SlaBreached && S.Current is RequestState.InReview or RequestState.NeedsInfo, new EventStamp(_epoch, ++_sequence)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AI step of request {BrokerageId}/{RequestId} failed unexpectedly")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string brokerageId, string requestId);
}
