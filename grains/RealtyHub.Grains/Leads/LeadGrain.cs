using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Leads;

public sealed partial class LeadGrain(
    [PersistentState("lead", GrainStorage.Name)] IPersistentState<LeadGrain.State> state,
    ILeadDirectory directory,
    IAuditLog audit,
    IAgentActivityLog activity,
    TimeProvider clock,
    IOptions<FollowUpOptions> options,
    ILogger<LeadGrain> logger) : Grain, ILeadGrain, IRemindable
{
    private const string FollowUpReminder = "follow-up";

    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    private string LeadId => GrainKeys.Parse(this.GetPrimaryKeyString()).LocalId;

    public Task<LeadSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public async Task<LeadSnapshot> CreateAsync(LeadDetails details, string? ownerAgentId)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Phone);
        if (Snapshot() is { } existing)
        {
            return existing;
        }

        state.State = new State
        {
            Details = details,
            OwnerAgentId = ownerAgentId,
            Stage = LeadStage.New,
            CreatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        var lead = Snapshot()!;
        await directory.UpsertAsync(lead);
        return lead;
    }

    public async Task<LeadSnapshot> RecordContactAsync(DateTimeOffset at, string? profileName)
    {
        EnsureExists();
        var details = state.State.Details!;
        var betterName = !string.IsNullOrWhiteSpace(profileName) && details.Name == details.Phone ? profileName.Trim() : details.Name;
        state.State = state.State with { LastContactAt = at, Details = details with { Name = betterName } };
        await state.WriteStateAsync();
        var lead = Snapshot()!;
        await directory.UpsertAsync(lead);
        return lead;
    }

    public async Task ClaimOwnerAsync(string agentId)
    {
        EnsureExists();
        if (state.State.OwnerAgentId is null)
        {
            state.State = state.State with { OwnerAgentId = agentId };
            await state.WriteStateAsync();
            await directory.UpsertAsync(Snapshot()!);
        }
    }

    public async Task SetConsentAsync(bool optedOut, DateTimeOffset at, string source)
    {
        EnsureExists();
        if (state.State.OptedOut == optedOut)
        {
            return;
        }

        state.State = state.State with { OptedOut = optedOut };
        await state.WriteStateAsync();
        await audit.RecordAsync(new AuditEntry(BrokerageId, at, source, optedOut ? "consent.opt-out" : "consent.opt-in", LeadId));
    }

    public async Task<LeadSnapshot> ScheduleFollowUpAsync(DateTimeOffset dueAt, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        EnsureExists();

        var dueIn = dueAt - clock.GetUtcNow();
        state.State = state.State with { FollowUp = new FollowUp(dueAt, note, FiredAt: null) };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(FollowUpReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, options.Value.RetryPeriod);
        return Snapshot()!;
    }

    public async Task<LeadSnapshot> MoveStageAsync(LeadStage stage, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown lead stage.");
        }

        EnsureExists();
        var previous = state.State.Stage;
        if (previous == stage)
        {
            return Snapshot()!;
        }

        var now = clock.GetUtcNow();
        state.State = state.State with { Stage = stage };
        await state.WriteStateAsync();
        var lead = Snapshot()!;
        await directory.UpsertAsync(lead);
        await audit.RecordAsync(new AuditEntry(BrokerageId, now, actor, "lead.stage", LeadId, $"{previous} -> {stage}"));
        if (stage > previous && stage != LeadStage.Lost && await CreditedAgentAsync(actor) is { } agentId)
        {
            await activity.RecordAsync(new AgentActivity(BrokerageId, agentId, now, AgentActivityKinds.LeadAdvanced, LeadId));
        }

        return lead;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }

        if (state.State.FollowUp is { FiredAt: null } followUp)
        {
            var firedAt = clock.GetUtcNow();
            state.State = state.State with { FollowUp = followUp with { FiredAt = firedAt } };
            await state.WriteStateAsync();
            await audit.RecordAsync(new AuditEntry(BrokerageId, firedAt, "system", "lead.follow-up-due", LeadId, followUp.Note));
            LogFollowUpDue(logger, BrokerageId, LeadId);
        }

        if (await this.GetReminder(FollowUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The owner gets the credit; without one, the actor does if they are an agent of this brokerage (not a supervisor).</summary>
    private async Task<string?> CreditedAgentAsync(string actor)
    {
        if (state.State.OwnerAgentId is { } owner)
        {
            return owner;
        }

        return GrainKeys.IsValid(BrokerageId, actor) && await GrainFactory.GetGrain<IAgentGrain>(GrainKeys.For(BrokerageId, actor)).GetAsync() is not null
            ? actor
            : null;
    }

    private void EnsureExists()
    {
        if (state.State.Details is null)
        {
            throw new InvalidOperationException($"Lead '{LeadId}' does not exist.");
        }
    }

    private LeadSnapshot? Snapshot() => state.State.Details is { } details
        ? new LeadSnapshot(
            BrokerageId, LeadId, details, state.State.Stage, state.State.OwnerAgentId, state.State.CreatedAt, state.State.FollowUp,
            state.State.LastContactAt, state.State.OptedOut)
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up due for lead {BrokerageId}/{LeadId}")]
    private static partial void LogFollowUpDue(ILogger logger, string brokerageId, string leadId);

    [GenerateSerializer, Alias("realtyhub.lead-grain.state")]
    public sealed record State
    {
        [Id(0)] public LeadDetails? Details { get; init; }

        [Id(1)] public LeadStage Stage { get; init; }

        [Id(2)] public string? OwnerAgentId { get; init; }

        [Id(3)] public DateTimeOffset CreatedAt { get; init; }

        [Id(4)] public FollowUp? FollowUp { get; init; }

        [Id(5)] public DateTimeOffset? LastContactAt { get; init; }

        [Id(6)] public bool OptedOut { get; init; }
    }
}
