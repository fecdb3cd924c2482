using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;

namespace RealtyHub.Grains.Agents;

public sealed class AgentGrain(
    [PersistentState("agent", GrainStorage.Name)] IPersistentState<AgentGrain.State> state,
    IAuditLog audit,
    TimeProvider clock) : Grain, IAgentGrain
{
    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    private string AgentId => GrainKeys.Parse(this.GetPrimaryKeyString()).LocalId;

    public Task<AgentSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public async Task<AgentSnapshot> EnrollAsync(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(profile.Capacity);

        state.State = state.State with
        {
            Profile = profile,
            PresenceChangedAt = state.State.Profile is null ? clock.GetUtcNow() : state.State.PresenceChangedAt,
        };
        await state.WriteStateAsync();
        return await ReportAsync();
    }

    public async Task<AgentSnapshot> SetPresenceAsync(AgentPresence presence, string changedBy)
    {
        if (state.State.Profile is null)
        {
            throw new InvalidOperationException($"Agent '{AgentId}' is not enrolled in brokerage '{BrokerageId}'.");
        }

        if (!Enum.IsDefined(presence))
        {
            throw new ArgumentOutOfRangeException(nameof(presence), presence, "Unknown presence.");
        }

        if (state.State.Presence == presence)
        {
            return Snapshot()!;
        }

        var previous = state.State.Presence;
        state.State = state.State with { Presence = presence, PresenceChangedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        HubTelemetry.PresenceChanges.Add(1, new KeyValuePair<string, object?>("presence", presence.ToString()));
        await audit.RecordAsync(new AuditEntry(
            BrokerageId, state.State.PresenceChangedAt, changedBy, "agent.presence", AgentId, $"{previous} -> {presence}"));
        return await ReportAsync();
    }

    public async Task<AgentSnapshot> SetWhatsAppAsync(string? number, bool deliverables)
    {
        if (state.State.Profile is null)
        {
            throw new InvalidOperationException($"Agent '{AgentId}' is not enrolled.");
        }

        // Kept beside the profile, not in it: re-enrolling (e.g. the demo seeding) must not wipe the agent's own choice.
        state.State = state.State with { WhatsAppNumber = number, DeliverablesToWhatsApp = deliverables && number is not null };
        await state.WriteStateAsync();
        await audit.RecordAsync(new AuditEntry(BrokerageId, clock.GetUtcNow(), AgentId, "agent.whatsapp", AgentId,
            $"{number ?? "none"}; deliverables {(state.State.DeliverablesToWhatsApp ? "on" : "off")}"));
        return await ReportAsync();
    }

    private async Task<AgentSnapshot> ReportAsync()
    {
        var snapshot = Snapshot()!;
        await GrainFactory.GetGrain<IBrokerageGrain>(BrokerageId).ReportAgentAsync(snapshot);
        return snapshot;
    }

    private AgentSnapshot? Snapshot() => state.State.Profile is { } profile
        ? new AgentSnapshot(BrokerageId, AgentId, profile, state.State.Presence, state.State.PresenceChangedAt, state.State.WhatsAppNumber, state.State.DeliverablesToWhatsApp)
        : null;

    [GenerateSerializer, Alias("realtyhub.agent-grain.state")]
    public sealed record State
    {
        [Id(0)] public AgentProfile? Profile { get; init; }

        [Id(1)] public AgentPresence Presence { get; init; }

        [Id(2)] public DateTimeOffset PresenceChangedAt { get; init; }

        [Id(3)] public string? WhatsAppNumber { get; init; }

        [Id(4)] public bool DeliverablesToWhatsApp { get; init; }
    }
}
