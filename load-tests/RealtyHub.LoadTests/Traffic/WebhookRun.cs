using System.Collections.Concurrent;
using RealtyHub.LoadTests.Metrics;

namespace RealtyHub.LoadTests.Traffic;

/// <summary>Sends webhooks (at a rate or flat out) and keeps every outcome: the acknowledged sids are what the database is checked against.</summary>
public sealed class WebhookRun(MessageFactory messages, WebhookSender sender)
{
    private readonly ConcurrentQueue<WebhookOutcome> _outcomes = new();

    public LatencyRecorder AckLatency { get; } = new();

    public IReadOnlyCollection<WebhookOutcome> Outcomes => _outcomes;

    /// <summary>Called just before each message is posted (the fan-out scenario notes the send time).</summary>
    public Action<WebhookMessage>? OnSending { get; init; }

    public Task AtRateAsync(double rate, TimeSpan duration, Action<double>? progress, CancellationToken cancellationToken) =>
        LoadDriver.RunAtRateAsync(rate, duration, SendOneAsync, progress, cancellationToken);

    public Task FlatOutAsync(int workers, TimeSpan duration, Action<double>? progress, CancellationToken cancellationToken) =>
        LoadDriver.RunFlatOutAsync(workers, duration, SendOneAsync, progress, cancellationToken);

    public IReadOnlyCollection<string> AcknowledgedSids() => [.. _outcomes.Where(o => o.Acknowledged).Select(o => o.Message.MessageSid)];

    private async Task SendOneAsync(long intendedStart)
    {
        var message = messages.Next();
        OnSending?.Invoke(message);
        var outcome = await sender.SendAsync(message, intendedStart, CancellationToken.None).ConfigureAwait(false);
        _outcomes.Enqueue(outcome);
        if (outcome.Acknowledged)
        {
            AckLatency.Record(outcome.Latency);
        }
    }
}
