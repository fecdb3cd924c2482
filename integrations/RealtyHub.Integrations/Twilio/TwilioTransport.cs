using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// Sends through the resilient HttpClient and turns "Twilio could not be reached" — after the retries — into a
/// transient <see cref="TwilioApiException"/>, so callers handle one exception type. The caller's own
/// cancellation still surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
internal static class TwilioTransport
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TwilioApiException($"Twilio could not be reached ({request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}): {ex.Message}", ex);
        }
    }
}
