namespace RealtyHub.Grains.Requests;

/// <summary>An expert: profile and availability; every change is reported to the brokerage's dispatch.</summary>
public sealed class ExpertGrain(
    [PersistentState("expert", GrainStorage.Name)] IPersistentState<ExpertGrain.State> state,
    TimeProvider clock) : Grain, IExpertGrain
{
    private string BrokerageId => GrainKeys.Parse(this.GetPrimaryKeyString()).BrokerageId;

    private string ExpertId => GrainKeys.Parse(this.GetPrimaryKeyString()).LocalId;

    public Task<ExpertSnapshot?> GetAsync() => Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<ExpertSnapshot> EnrolAsync(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(profile.MaxClaims, 1);
        if (state.State.Profile == profile)
        {
            return Snapshot();
        }

        state.State = state.State with { Profile = profile, ChangedAt = clock.GetUtcNow() };
        return await SaveAndReportAsync();
    }

    public async Task<ExpertSnapshot> SetAvailabilityAsync(bool available)
    {
        if (state.State.Profile is null)
        {
            throw new InvalidOperationException($"Expert '{ExpertId}' is not enrolled.");
        }

        if (state.State.Available == available)
        {
            return Snapshot();
        }

        state.State = state.State with { Available = available, ChangedAt = clock.GetUtcNow() };
        return await SaveAndReportAsync();
    }

    private async Task<ExpertSnapshot> SaveAndReportAsync()
    {
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await GrainFactory.GetGrain<IDispatchGrain>(BrokerageId).ExpertChangedAsync(snapshot);
        return snapshot;
    }

    private ExpertSnapshot Snapshot() => new(BrokerageId, ExpertId, state.State.Profile!, state.State.Available, state.State.ChangedAt);

    [GenerateSerializer, Alias("realtyhub.expert-grain.state")]
    public sealed record State
    {
        [Id(0)] public ExpertProfile? Profile { get; init; }

        [Id(1)] public bool Available { get; init; }

        [Id(2)] public DateTimeOffset ChangedAt { get; init; }
    }
}
