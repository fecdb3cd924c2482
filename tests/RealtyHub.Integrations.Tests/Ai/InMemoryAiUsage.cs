using System.Collections.Concurrent;
using RealtyHub.Hosting.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>The usage store without a database, for tests of the chat path (the PostgreSQL store has its own tests).</summary>
public sealed class InMemoryAiUsage : IAiUsageStore
{
    private readonly ConcurrentDictionary<(string, DateOnly), long> tokens = new();

    public Task<long> TokensUsedAsync(string brokerageId, DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(tokens.GetValueOrDefault((brokerageId, day)));

    public Task RecordAsync(string brokerageId, DateOnly day, long tokens, CancellationToken cancellationToken = default)
    {
        this.tokens.AddOrUpdate((brokerageId, day), tokens, (_, used) => used + tokens);
        return Task.CompletedTask;
    }
}
