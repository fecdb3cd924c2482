using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.TwilioEmulator.Engine;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// The emulator's call mode: places phone calls to the hub as Twilio would. Posts the signed incoming-call webhook to
/// <see cref="TwilioEmulatorOptions.VoiceWebhookUrl"/>, follows the TwiML answer, streams the caller's audio to the
/// <c>&lt;Connect&gt;&lt;Stream&gt;</c> WebSocket, then posts the status callback to
/// <see cref="TwilioEmulatorOptions.VoiceStatusCallbackUrl"/>. Registered as a singleton by
/// <see cref="TwilioEmulatorServiceCollectionExtensions.AddTwilioEmulator"/>; disposing it cancels calls in progress.
/// </summary>
public sealed partial class EmulatedCallService : IDisposable
{
    private readonly SignedFormPoster webhooks;
    private readonly EmulatedCallStore store;
    private readonly IOptions<TwilioEmulatorOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<EmulatedCallService> logger;
    private readonly CancellationTokenSource shutdown = new();

    internal EmulatedCallService(
        SignedFormPoster webhooks, EmulatedCallStore store, IOptions<TwilioEmulatorOptions> options, TimeProvider clock, ILogger<EmulatedCallService> logger)
    {
        this.webhooks = webhooks;
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Places the call and waits until it has ended (see <see cref="StartCallAsync"/>).</summary>
    public async Task<EmulatedCall> PlaceCallAsync(EmulatedCallRequest request, CancellationToken cancellationToken = default)
    {
        var handle = await StartCallAsync(request, cancellationToken);
        return await handle.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Rings the hub: posts the incoming-call webhook and follows its TwiML. Returns once the hub has answered; a
    /// <c>&lt;Connect&gt;&lt;Stream&gt;</c> call then streams in the background (watch <see cref="EmulatedCallHandle"/>).
    /// Everything the hub does wrong (error status, bad TwiML, refused or closed socket) ends up in the call's status and
    /// <see cref="EmulatedCall.Errors"/>, not in an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A number is not E.164, a DTMF key or mark name is invalid, the audio is empty or too long.</exception>
    /// <exception cref="FormatException">The audio is not a WAV file the emulator can read.</exception>
    /// <exception cref="InvalidOperationException"><see cref="TwilioEmulatorOptions.VoiceWebhookUrl"/> is not set.</exception>
    /// <exception cref="HttpRequestException">The hub's voice webhook could not be reached (the call is recorded as failed).</exception>
    public async Task<EmulatedCallHandle> StartCallAsync(EmulatedCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = PhoneNumbers.ToE164(request.From, nameof(request.From));
        var to = PhoneNumbers.ToE164(request.To, nameof(request.To));
        var script = EmulatedCallScript.From(request);
        var settings = options.Value;
        var webhook = settings.VoiceWebhookUrl is { IsAbsoluteUri: true } url
            ? url
            : throw new InvalidOperationException("Set TwilioEmulatorOptions.VoiceWebhookUrl to the hub's absolute incoming-call (Voice) webhook URL.");

        var call = new EmulatedCallState(TwilioSid.Create("CA"), from, to, script.Frames.Count, clock.GetUtcNow());
        store.Add(call);
        var handle = new EmulatedCallHandle(call);
        TwimlPlan plan;
        try
        {
            var (statusCode, body) = await webhooks.PostForTwimlAsync(webhook.OriginalString, VoiceWebhookForms.IncomingCall(call, settings.AccountSid, request.CallerName), cancellationToken);
            call.Answered(statusCode, body);
            if (statusCode is < 200 or > 299)
            {
                call.Error($"The voice webhook {webhook} answered HTTP {statusCode}; Twilio plays its application-error message and hangs up.");
                await FinishAsync(call, TwilioCallStatus.Failed, EmulatedCallEndReasons.WebhookError, cancellationToken);
                return handle;
            }

            plan = TwimlReader.Read(body);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            call.Error($"The voice webhook {webhook} could not be reached: {ex.Message}");
            await FinishAsync(call, TwilioCallStatus.Failed, EmulatedCallEndReasons.WebhookUnreachable, cancellationToken);
            throw ex as HttpRequestException ?? new HttpRequestException($"The voice webhook {webhook} did not answer in time.", ex);
        }
        catch (FormatException ex)
        {
            call.Error($"The voice webhook's answer is not TwiML the emulator can follow: {ex.Message}");
            await FinishAsync(call, TwilioCallStatus.Failed, EmulatedCallEndReasons.InvalidTwiml, cancellationToken);
            return handle;
        }

        switch (plan.Outcome)
        {
            case TwimlOutcome.Stream:
                var shutdownToken = shutdown.Token;
                _ = Task.Run(() => StreamAsync(call, script, plan, shutdownToken), CancellationToken.None);
                break;
            case TwimlOutcome.Reject:
                var status = plan.RejectReason == TwilioRejectReason.Busy ? TwilioCallStatus.Busy : TwilioCallStatus.NoAnswer;
                await FinishAsync(call, status, EmulatedCallEndReasons.Rejected, cancellationToken);
                break;
            case TwimlOutcome.Hangup:
                await FinishAsync(call, TwilioCallStatus.Completed, EmulatedCallEndReasons.HungUp, cancellationToken);
                break;
            default:
                await FinishAsync(call, TwilioCallStatus.Completed, EmulatedCallEndReasons.NoStream, cancellationToken);
                break;
        }

        return handle;
    }

    /// <summary>A call by CallSid, or <c>null</c> (unknown, or forgotten among more than 500 newer calls).</summary>
    public EmulatedCall? GetCall(string callSid) => store.Find(callSid)?.Snapshot();

    /// <summary>The calls the emulator remembers, oldest first.</summary>
    public IReadOnlyList<EmulatedCall> GetCalls() => [.. store.All().Select(c => c.Snapshot())];

    /// <summary>Cancels calls still streaming; they end <c>canceled</c>.</summary>
    public void Dispose()
    {
        shutdown.Cancel();
        shutdown.Dispose();
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A background call must end with a status, whatever broke.")]
    private async Task StreamAsync(EmulatedCallState call, EmulatedCallScript script, TwimlPlan plan, CancellationToken token)
    {
        try
        {
            var caller = new MediaStreamCaller(options.Value.AccountSid, options.Value.AuthToken, clock);
            var (status, reason) = await caller.RunAsync(call, script, plan.StreamUrl!, plan.StreamParameters, token);
            await FinishAsync(call, status, reason, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            call.End(TwilioCallStatus.Canceled, EmulatedCallEndReasons.Canceled, clock.GetUtcNow());
            call.Complete();
        }
        catch (Exception ex)
        {
            LogStreamFailed(ex, call.CallSid);
            call.Error($"The emulator failed while streaming: {ex.Message}");
            call.End(TwilioCallStatus.Failed, EmulatedCallEndReasons.StreamError, clock.GetUtcNow());
            call.Complete();
        }
    }

    private async Task FinishAsync(EmulatedCallState call, TwilioCallStatus status, string reason, CancellationToken cancellationToken)
    {
        var final = call.End(status, reason, clock.GetUtcNow());
        if (options.Value.VoiceStatusCallbackUrl is { IsAbsoluteUri: true } callbackUrl)
        {
            try
            {
                var form = VoiceWebhookForms.StatusCallback(call, options.Value.AccountSid, final, clock.GetUtcNow());
                var statusCode = await webhooks.PostAsync(callbackUrl.OriginalString, form, cancellationToken);
                call.StatusCallbackPosted(statusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Like Twilio, a failed status callback is reported, not retried.
                call.Error($"The status callback {callbackUrl} could not be posted: {ex.Message}");
            }
        }

        call.Complete();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Emulated call {CallSid} failed while streaming")]
    private partial void LogStreamFailed(Exception exception, string callSid);
}
