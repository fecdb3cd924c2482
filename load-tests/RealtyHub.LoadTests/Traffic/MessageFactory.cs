using System.Globalization;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;

namespace RealtyHub.LoadTests.Traffic;

/// <summary>
/// Seeded inbound messages: brokerage and client each chosen Zipf-like (a few hot brokerages and chatty clients),
/// web nodes in turn. Thread-safe (one lock around the generators).
/// </summary>
public sealed class MessageFactory(IReadOnlyList<BrokerageSetup> brokerages, IReadOnlyList<Uri> webNodes, int clients, int seed)
{
    private readonly ZipfKeys _brokerage = new(brokerages.Count, seed);
    private readonly ZipfKeys _client = new(Math.Max(1, clients), seed + 1);
    private readonly Lock _gate = new();
    private long _sequence;

    public WebhookMessage Next()
    {
        int b, c;
        long n;
        lock (_gate)
        {
            b = _brokerage.Next();
            c = _client.Next();
            n = _sequence++;
        }

        var brokerage = brokerages[b];
        return new WebhookMessage(
            "SM" + Guid.NewGuid().ToString("N"),
            brokerage.BrokerageId,
            brokerage.WhatsAppNumber,
            string.Create(CultureInfo.InvariantCulture, $"+97150{1_000_000 + c:D7}"),
            webNodes[(int)(n % webNodes.Count)],
            string.Create(CultureInfo.InvariantCulture, $"Load test message {n}: is the 2-bed in Marina still available?"));
    }
}
