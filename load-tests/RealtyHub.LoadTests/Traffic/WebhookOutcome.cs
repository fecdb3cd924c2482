namespace RealtyHub.LoadTests.Traffic;

/// <summary>How a webhook post ended: acknowledged (200) or not, after how many attempts, and when.</summary>
public sealed record WebhookOutcome(WebhookMessage Message, bool Acknowledged, int Attempts, int LastStatus, TimeSpan Latency, DateTimeOffset SentAt, DateTimeOffset FinishedAt);
