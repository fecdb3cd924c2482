using System.Collections.Concurrent;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Webhooks;

/// <summary>
/// Which WhatsApp numbers are the brokerage's own agents (a message from one is the agent asking for work, not a
/// client). Read from the brokerage's roster and kept a few seconds, so the inbound hot path does not ask the
/// brokerage grain for every client message.
/// </summary>
public sealed class AgentNumbers(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<string, AgentSnapshot> ByPhone)> _rosters = new(StringComparer.Ordinal);

    public async Task<AgentSnapshot?> FindAgentAsync(string brokerageId, string phone)
    {
        var now = clock.GetUtcNow();
        if (!_rosters.TryGetValue(brokerageId, out var known) || now - known.ReadAt > KeepFor)
        {
            var roster = await grains.GetGrain<IBrokerageGrain>(brokerageId).GetAgentsAsync();
            known = (now, roster.Where(a => a.WhatsAppNumber is { Length: > 0 })
                .GroupBy(a => a.WhatsAppNumber!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
            _rosters[brokerageId] = known;
        }

        return known.ByPhone.GetValueOrDefault(phone);
    }
}
