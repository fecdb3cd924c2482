using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Health check "voice": Healthy with the engine and model, or Degraded (never Unhealthy: the hub works without voice)
/// with the problem and the exact fix in the description and in the data.
/// </summary>
public sealed class VoiceHealthCheck(ITranscriber transcriber) : IHealthCheck
{
    public const string Name = "voice";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = transcriber.Health;
        var data = new Dictionary<string, object>
        {
            ["engine"] = health.Engine,
            ["model"] = health.Model ?? string.Empty,
        };
        if (health.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{health.Engine} with {health.Model}", data));
        }
        data["problem"] = health.Problem ?? string.Empty;
        data["fix"] = health.Fix ?? string.Empty;
        return Task.FromResult(HealthCheckResult.Degraded($"{health.Problem} Fix: {health.Fix}", data: data));
    }
}
