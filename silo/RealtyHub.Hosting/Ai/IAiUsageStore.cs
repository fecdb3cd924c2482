namespace RealtyHub.Hosting.Ai;

/// <summary>Tokens and calls per brokerage per UTC day (table <c>ai_usage</c>).</summary>
public interface IAiUsageStore
{
    /// <summary>Tokens the brokerage has used on <paramref name="day"/> (0 when none).</summary>
    Task<long> TokensUsedAsync(string brokerageId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Adds one call and its tokens to the brokerage's day; concurrent calls add up exactly.</summary>
    Task RecordAsync(string brokerageId, DateOnly day, long tokens, CancellationToken cancellationToken = default);
}
