using System.Diagnostics;
using System.Net.WebSockets;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.LoadTests.Environment;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// Plays Twilio for one call with our production wire code: the signed incoming-call webhook, the TwiML's stream URL,
/// then a Media Stream WebSocket carrying <c>connected</c>, <c>start</c>, one <c>media</c> message per 20 ms in real
/// time (scheduled from the call's start, so a late frame does not delay the rest), <c>stop</c>; then the completed
/// status callback. Unlike Twilio, no audio is held back for the TwiML's &lt;Say&gt;: the caller speaks at once.
/// </summary>
public sealed class CallReplayer(VoiceWebhookPoster webhooks, DemoCallAudio audio, LiveCallLedger ledger)
{
    /// <summary>The hub transcribes the last utterance before it closes the stream; bounded so a stuck hub is an error.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Streams the call up to its <c>stop</c> and returns the call's ending (the hub closing the socket once it has
    /// transcribed the last utterance, then the status callback) as a task of its own: like a phone line, the
    /// caller can dial again while the hub finishes the previous call's transcript.
    /// </summary>
    public async Task<Task> StreamAsync(PlacedCall call, CancellationToken cancellationToken)
    {
        var sentAt = ledger.Place(call.CallSid, audio.Frames.Count);
        ClientWebSocket? socket = null;
        try
        {
            var stream = await webhooks.AnswerAsync(call, cancellationToken);
            socket = new ClientWebSocket();
            // Twilio signs the upgrade over the stream URL with no parameters; the hub refuses an unsigned stream.
            socket.Options.SetRequestHeader(TwilioSignature.HeaderName, TwilioSignature.Compute(HubEnvironment.DemoAuthToken, stream.Url.ToString(), []));
            await socket.ConnectAsync(stream.Url, cancellationToken);

            // Reading at the same time tells a refused or broken stream from a slow one.
            var closed = DrainAsync(socket, cancellationToken);
            var streamSid = TwilioSid.Create("MZ");
            long sequence = 1;
            await MediaStreamSocket.SendAsync(socket, new MediaStreamConnected(), cancellationToken);
            await MediaStreamSocket.SendAsync(socket, new MediaStreamStart(sequence++, streamSid, HubEnvironment.DemoAccountSid, call.CallSid,
                ["inbound"], stream.Parameters, MediaStreamFormat.MuLaw8000), cancellationToken);

            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < audio.Frames.Count; i++)
            {
                var due = (DemoCallAudio.FrameLength * i) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                if (closed.IsCompleted)
                {
                    throw new InvalidOperationException("The hub closed the media stream before the call's audio ended.");
                }

                Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
                var offset = (long)(DemoCallAudio.FrameLength * i).TotalMilliseconds;
                await MediaStreamSocket.SendAsync(socket, new MediaStreamMedia(sequence++, streamSid, "inbound", i + 1, offset, audio.Frames[i]), cancellationToken);
            }

            await MediaStreamSocket.SendAsync(socket, new MediaStreamStop(sequence, streamSid, HubEnvironment.DemoAccountSid, call.CallSid), cancellationToken);
            var ending = EndAsync(call, socket, closed, Stopwatch.GetElapsedTime(started), cancellationToken);
            socket = null;
            return ending;
        }
        catch (Exception ex) when (IsCallFailure(ex, cancellationToken))
        {
            ledger.Fail($"{ex.GetType().Name}: {ex.Message}");
            return Task.CompletedTask;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private async Task EndAsync(PlacedCall call, ClientWebSocket socket, Task closed, TimeSpan duration, CancellationToken cancellationToken)
    {
        using (socket)
        {
            try
            {
                await closed.WaitAsync(CloseTimeout, cancellationToken);
                await webhooks.CompletedAsync(call, duration, cancellationToken);
                ledger.StreamedToTheEnd();
            }
            catch (Exception ex) when (IsCallFailure(ex, cancellationToken))
            {
                ledger.Fail($"{ex.GetType().Name} after stop: {ex.Message}");
            }
        }
    }

    private static bool IsCallFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is InvalidOperationException or HttpRequestException or WebSocketException or TimeoutException or MediaStreamProtocolException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Completes when the hub closes the socket (it does after <c>stop</c>, once the last line is transcribed).</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        await foreach (var _ in MediaStreamSocket.ReadAsync(socket, cancellationToken: cancellationToken))
        {
            // The hub sends nothing on a listen-only stream; anything it did send is not this benchmark's concern.
        }
    }
}
