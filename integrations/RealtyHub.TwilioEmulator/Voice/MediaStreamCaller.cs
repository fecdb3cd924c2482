// Twilio's Media Streams client side, our own: the Twilio SDK is not on our package mirror (and has no emulator).
using System.Net.WebSockets;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>
/// Plays Twilio's side of a Media Stream (https://www.twilio.com/docs/voice/media-streams/websocket-messages): connects to
/// the hub's <c>&lt;Stream url&gt;</c> with a signed handshake, sends <c>connected</c>, <c>start</c>, the audio as
/// <c>media</c>, the DTMF keys, the marks and <c>stop</c>, then closes. Reads whatever the hub sends back meanwhile,
/// and stops sending as soon as the hub closes the socket.
/// </summary>
internal sealed class MediaStreamCaller(string accountSid, string authToken, TimeProvider clock)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Streams the call; returns the final status and why. Never throws except on <paramref name="cancellationToken"/>.</summary>
    public async Task<(TwilioCallStatus Status, string Reason)> RunAsync(
        EmulatedCallState call, EmulatedCallScript script, Uri url, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();

        // Twilio signs the WebSocket handshake like a webhook: over the stream URL, with no parameters.
        socket.Options.SetRequestHeader(TwilioSignature.HeaderName, TwilioSignature.Compute(authToken, url.OriginalString, []));
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(url, connectTimeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            call.Error($"The hub's stream {url} could not be opened: {ex.Message}");
            return (TwilioCallStatus.Failed, EmulatedCallEndReasons.StreamRefused);
        }

        var streamSid = TwilioSid.Create("MZ");
        call.StreamStarting(url, streamSid, parameters);
        using var hubEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadFromHubAsync(socket, call, hubEnded);
        try
        {
            await SendAsync(socket, call, script, streamSid, parameters, hubEnded.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // A send can fail a moment before the reader has seen the hub's close: let it catch up before deciding.
            await reading.WaitAsync(CloseTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (hubEnded.IsCancellationRequested)
            {
                // The hub hung up the stream mid-call; Twilio then ends the call as completed.
                return (TwilioCallStatus.Completed, EmulatedCallEndReasons.HubClosedStream);
            }

            call.Error($"Sending on the stream failed: {ex.Message}");
            return (TwilioCallStatus.Failed, EmulatedCallEndReasons.StreamError);
        }

        await CloseAsync(socket, call);
        await reading.WaitAsync(CloseTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!reading.IsCompleted)
        {
            call.Error($"The hub did not answer the WebSocket close within {CloseTimeout.TotalSeconds:0} s.");
            socket.Abort();
        }

        return (TwilioCallStatus.Completed, EmulatedCallEndReasons.StreamFinished);
    }

    private async Task SendAsync(
        WebSocket socket, EmulatedCallState call, EmulatedCallScript script, string streamSid, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        long sequence = 1;
        await MediaStreamSocket.SendAsync(socket, new MediaStreamConnected(), cancellationToken);
        await MediaStreamSocket.SendAsync(
            socket,
            new MediaStreamStart(sequence++, streamSid, accountSid, call.CallSid, ["inbound"], parameters, MediaStreamFormat.MuLaw8000),
            cancellationToken);

        var started = clock.GetTimestamp();
        for (var i = 0; i < script.Frames.Count; i++)
        {
            var due = script.Pace.DueTime(i, CallAudio.FrameLength) - clock.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, clock, cancellationToken);
            }

            var timestamp = (long)(CallAudio.FrameLength * i).TotalMilliseconds;
            await MediaStreamSocket.SendAsync(
                socket, new MediaStreamMedia(sequence++, streamSid, "inbound", i + 1, timestamp, script.Frames[i]), cancellationToken);
            call.FrameSent();
        }

        foreach (var digit in script.Dtmf)
        {
            await MediaStreamSocket.SendAsync(socket, new MediaStreamDtmf(sequence++, streamSid, "inbound_track", digit.ToString()), cancellationToken);
        }

        foreach (var mark in script.Marks)
        {
            await MediaStreamSocket.SendAsync(socket, new MediaStreamMark(streamSid, mark, sequence++), cancellationToken);
        }

        await MediaStreamSocket.SendAsync(socket, new MediaStreamStop(sequence, streamSid, accountSid, call.CallSid), cancellationToken);
    }

    /// <summary>Counts what the hub sends until the socket closes (either side), then signals <paramref name="ended"/>.</summary>
    private static async Task ReadFromHubAsync(WebSocket socket, EmulatedCallState call, CancellationTokenSource ended)
    {
        await Task.Yield();
        try
        {
            await foreach (var message in MediaStreamSocket.ReadAsync(socket, MediaStreamSocket.DefaultMaxMessageBytes, CancellationToken.None))
            {
                _ = message;
                call.MessageFromHub();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or MediaStreamProtocolException or ObjectDisposedException)
        {
            // A dropped connection or a hub breaking the protocol ends the stream like a close; the call records why.
            call.Error($"The hub's side of the stream: {ex.Message}");
        }
        finally
        {
            await ended.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket, EmulatedCallState call)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Stream ended", CancellationToken.None);
        }
        catch (WebSocketException ex)
        {
            call.Error($"Closing the stream failed: {ex.Message}");
        }
    }
}
