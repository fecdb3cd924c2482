using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;

namespace RealtyHub.Grains.Voice;

public sealed partial class VoiceSessionGrain(
    [PersistentState("voice-session", GrainStorage.Name)] IPersistentState<VoiceSessionGrain.State> state,
    IVoiceCallStore store,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<VoiceSessionGrain> logger) : Grain, IVoiceSessionGrain
{
    /// <summary>Twilio connects the stream within a second of our TwiML; a call that never streams is ended.</summary>
    public static readonly TimeSpan StreamConnectTimeout = TimeSpan.FromMinutes(1);

    /// <summary>A live call whose node stopped feeding it (the node died) is ended after this much silence.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private DateTimeOffset _lastActivity;
    private IGrainTimer? _watchdog;

    private State S => state.State;

    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastActivity = clock.GetUtcNow();
        if (S.Call is { State: not VoiceCallState.Ended })
        {
            StartWatchdog();
        }

        return Task.CompletedTask;
    }

    public async Task<VoiceCallView> StartAsync(IncomingCall incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var call = incoming;
        if (S.Call is { } existing)
        {
            return existing;
        }

        var conversation = await GrainFactory.GetGrain<IConversationGrain>(ConversationKeys.For(BrokerageId, call.ClientPhone)).GetAsync();
        var leadId = conversation?.Summary.LeadId ?? $"wa-{ConversationKeys.LocalId(call.ClientPhone)}";
        var lead = await RecordLeadContactAsync(leadId, call);
        var view = new VoiceCallView(
            BrokerageId, call.CallSid, VoiceCallState.Ringing, call.ClientPhone,
            conversation?.Summary.ClientName ?? (lead.Details.Name != call.ClientPhone ? lead.Details.Name : call.CallerName),
            leadId, conversation?.Summary.ConversationId, conversation?.Summary.AssignedAgentId ?? lead.OwnerAgentId,
            call.At, null, []);
        state.State = S with { Call = view };
        await SaveAsync();
        await audit.RecordAsync(new AuditEntry(BrokerageId, call.At, "twilio", "call.answered", call.CallSid, call.ClientPhone));
        StartWatchdog();
        LogAnswered(logger, call.CallSid, BrokerageId, view.AgentId ?? "nobody");
        return view;
    }

    public async Task<bool> AttachStreamAsync(string streamSid, string? transcriptionProblem)
    {
        if (S.Call is not { State: VoiceCallState.Ringing } call || S.StreamSid is not null)
        {
            return S.StreamSid == streamSid && S.Call?.State == VoiceCallState.Live;
        }

        _lastActivity = clock.GetUtcNow();
        state.State = S with { StreamSid = streamSid, Call = call with { State = VoiceCallState.Live, TranscriptionProblem = transcriptionProblem } };
        await SaveAsync();
        await ReportToBoardAsync(live: true);
        return true;
    }

    public async Task PartialAsync(TranscriptLine line)
    {
        if (S.Call is { State: VoiceCallState.Live } call)
        {
            _lastActivity = clock.GetUtcNow();
            await Brokerage.PublishVoiceCallAsync(call with { Lines = [] }, line);
        }
    }

    public async Task AddLineAsync(TranscriptLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // The last utterance is often finished after the caller hung up; it still belongs to the transcript.
        if (S.Call is not { State: not VoiceCallState.Ringing } call || call.Lines.Any(l => l.Sequence == line.Sequence))
        {
            return;
        }

        _lastActivity = clock.GetUtcNow();
        var final = line with { IsFinal = true };
        state.State = S with { Call = call with { Lines = call.Lines.Add(final) } };
        await state.WriteStateAsync();
        if (call.State == VoiceCallState.Ended)
        {
            await store.SaveAsync(S.Call!);
        }

        await Brokerage.PublishVoiceCallAsync(S.Call! with { Lines = [] }, final);
    }

    public async Task<VoiceCallView?> EndAsync(string reason)
    {
        if (S.Call is not { State: not VoiceCallState.Ended } call)
        {
            return S.Call;
        }

        var now = clock.GetUtcNow();
        state.State = S with { Call = call with { State = VoiceCallState.Ended, EndedAt = now, EndReason = reason } };
        await SaveAsync();
        await ReportToBoardAsync(live: false);
        await audit.RecordAsync(new AuditEntry(BrokerageId, now, "twilio", "call.ended", call.CallSid, reason));
        _watchdog?.Dispose();
        _watchdog = null;
        return S.Call;
    }

    public Task<VoiceCallView?> GetAsync() => Task.FromResult(S.Call);

    private IBrokerageGrain Brokerage => GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId);

    /// <summary>A call is contact: it creates the lead when the caller is new, under the id WhatsApp would give it.</summary>
    private async Task<LeadSnapshot> RecordLeadContactAsync(string leadId, IncomingCall call)
    {
        var lead = GrainFactory.GetGrain<ILeadGrain>(GrainKeys.For(BrokerageId, leadId));
        var name = string.IsNullOrWhiteSpace(call.CallerName) ? call.ClientPhone : call.CallerName.Trim();
        await lead.CreateAsync(new LeadDetails(name, call.ClientPhone, "Phone call", null, null, null), null);
        return await lead.RecordContactAsync(call.At, call.CallerName);
    }

    /// <summary>State first, then the row the lead's timeline and the live-call list read, then the consoles.</summary>
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await store.SaveAsync(S.Call!);
        await Brokerage.PublishVoiceCallAsync(S.Call! with { Lines = [] }, null);
    }

    private async Task ReportToBoardAsync(bool live)
    {
        if (S.Call is { AgentId: { } agentId } call)
        {
            await GrainFactory.GetGrain<ITeamBoardGrain>(BrokerageId).VoiceSessionChangedAsync(
                new VoiceSessionReport(call.CallSid, agentId, live, clock.GetUtcNow()));
        }
    }

    private void StartWatchdog()
    {
        _watchdog ??= this.RegisterGrainTimer(CheckAliveAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)) { KeepAlive = true });
    }

    private async Task CheckAliveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (S.Call)
        {
            case { State: VoiceCallState.Ringing } call when now - call.StartedAt > StreamConnectTimeout:
                await EndAsync("The call's audio stream never connected.");
                break;
            case { State: VoiceCallState.Live } when now - _lastActivity > IdleTimeout:
                await EndAsync("The call's audio stopped arriving.");
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallSid} of {BrokerageId} answered; agent {AgentId}")]
    private static partial void LogAnswered(ILogger logger, string callSid, string brokerageId, string agentId);
}
