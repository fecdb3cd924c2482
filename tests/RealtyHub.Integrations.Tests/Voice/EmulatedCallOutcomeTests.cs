using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

[Collection(CallHubCollection.Name)]
public sealed class EmulatedCallOutcomeTests(CallHubFixture fixture)
{
    private static readonly byte[] ShortTone = TestAudio.Wav(TestAudio.Tone(440, TimeSpan.FromMilliseconds(200), 8000), 8000, 1);

    [Theory]
    [InlineData(StandInVoiceHub.BusyNumber, TwilioCallStatus.Busy, "busy")]
    [InlineData(StandInVoiceHub.UnavailableNumber, TwilioCallStatus.NoAnswer, "no-answer")]
    public async Task Rejected_call_ends_without_a_stream_and_reports_the_reject_status(string number, TwilioCallStatus expected, string wireName)
    {
        var call = await PlaceAsync(number);

        Assert.Equal((expected, wireName, EmulatedCallEndReasons.Rejected), (call.Status, call.CallStatus, call.EndReason));
        Assert.Null(call.StreamSid);
        Assert.Equal(0, call.FramesSent);
        Assert.False(fixture.Hub.HasStream(call.CallSid));
        var callback = Assert.Single(await fixture.Hub.StatusCallbacks.WaitForAsync(w => w["CallSid"] == call.CallSid, 1));
        Assert.Equal(wireName, callback["CallStatus"]);
        Assert.Null(callback["CallDuration"]);
    }

    [Fact]
    public async Task Hangup_twiml_completes_the_call_without_a_stream()
    {
        var call = await PlaceAsync(StandInVoiceHub.HangupNumber);

        Assert.Equal((TwilioCallStatus.Completed, EmulatedCallEndReasons.HungUp, 0), (call.Status, call.EndReason, call.FramesSent));
        Assert.False(fixture.Hub.HasStream(call.CallSid));
    }

    [Fact]
    public async Task Hub_closing_the_socket_mid_call_stops_the_audio_and_completes_the_call()
    {
        // Real-time pace over 30 s of audio: the hub closes after 60 ms, long before the audio could run out.
        var longTone = TestAudio.Wav(TestAudio.Tone(440, TimeSpan.FromSeconds(30), 8000), 8000, 1);

        var call = await fixture.Calls.PlaceCallAsync(
            new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.ClosesEarlyNumber, longTone) { Pace = CallPace.Realtime });

        Assert.Equal((TwilioCallStatus.Completed, EmulatedCallEndReasons.HubClosedStream), (call.Status, call.EndReason));
        Assert.InRange(call.FramesSent, StandInVoiceHub.ClosesAfterFrames, call.AudioFrames - 100);
        var stream = await fixture.Hub.StreamEndedAsync(call.CallSid);
        Assert.Equal(StandInVoiceHub.ClosesAfterFrames, stream.Messages.OfType<MediaStreamMedia>().Count());
        Assert.DoesNotContain(stream.Messages, m => m is MediaStreamStop);
    }

    [Fact]
    public async Task Stream_url_that_refuses_the_WebSocket_fails_the_call_with_the_reason()
    {
        var call = await PlaceAsync(StandInVoiceHub.RefusedSocketNumber);

        Assert.Equal((TwilioCallStatus.Failed, EmulatedCallEndReasons.StreamRefused), (call.Status, call.EndReason));
        Assert.Contains(call.Errors, e => e.Contains("/hub/voice/not-a-socket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_error_status_fails_the_call()
    {
        var call = await PlaceAsync(StandInVoiceHub.BrokenNumber);

        Assert.Equal((TwilioCallStatus.Failed, EmulatedCallEndReasons.WebhookError, 500), (call.Status, call.EndReason, call.WebhookStatusCode));
        Assert.Contains(call.Errors, e => e.Contains("HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hub_refuses_a_call_signed_with_the_wrong_auth_token()
    {
        await using var impostor = await fixture.StartEmulatorAsync(o => o.AuthToken = "not-the-account-token");
        var before = fixture.Hub.BadSignatures;

        var call = await impostor.Services.GetRequiredService<EmulatedCallService>().PlaceCallAsync(
            new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.StreamNumber, ShortTone) { Pace = CallPace.Fast });

        Assert.Equal((TwilioCallStatus.Failed, 403), (call.Status, call.WebhookStatusCode));
        Assert.Equal(before + 1, fixture.Hub.BadSignatures);
        Assert.False(fixture.Hub.HasStream(call.CallSid));
    }

    [Fact]
    public async Task Unreachable_voice_webhook_throws_and_records_the_call_as_failed()
    {
        await using var emulator = await fixture.StartEmulatorAsync(o => o.VoiceWebhookUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/voice"));
        var calls = emulator.Services.GetRequiredService<EmulatedCallService>();

        await Assert.ThrowsAsync<HttpRequestException>(() => calls.PlaceCallAsync(new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.StreamNumber, ShortTone)));

        var call = Assert.Single(calls.GetCalls());
        Assert.Equal((TwilioCallStatus.Failed, EmulatedCallEndReasons.WebhookUnreachable), (call.Status, call.EndReason));
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<EmulatedCall> PlaceAsync(string number) =>
        fixture.Calls.PlaceCallAsync(new EmulatedCallRequest(CallHubFixture.Caller, number, ShortTone) { Pace = CallPace.Fast });
}
