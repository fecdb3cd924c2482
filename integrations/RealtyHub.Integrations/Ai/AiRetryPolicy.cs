using System.ClientModel.Primitives;
using System.Globalization;

namespace RealtyHub.Integrations.Ai;

/// <summary>
/// The OpenAI client's own retry policy (which already retries 408, 429, 500, 502, 503, 504, timeouts and network
/// errors) with our base delay instead of its fixed 0.8 s, so tests and impatient deployments can shorten it. A
/// server's <c>retry-after-ms</c> or <c>Retry-After</c> (seconds) is honoured when longer, up to <see cref="MaxServerDelay"/>.
/// </summary>
internal sealed class AiRetryPolicy(int maxRetries, TimeSpan baseDelay) : ClientRetryPolicy(maxRetries)
{
    /// <summary>A server asking for longer than this gets this: the agent is waiting.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(20);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        var backoff = baseDelay * Math.Pow(2, Math.Max(0, tryCount - 1));
        var asked = ServerDelay(message.Response);
        return asked is { } server && server > backoff ? (server < MaxServerDelay ? server : MaxServerDelay) : backoff;
    }

    private static TimeSpan? ServerDelay(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return response.Headers.TryGetValue("Retry-After", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
    }
}
