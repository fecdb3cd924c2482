using RealtyHub.Integrations.Twilio;
using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.TwilioEmulator.Voice;
using RealtyHub.Voice.Audio;
using Xunit.Abstractions;

namespace RealtyHub.Integrations.Tests.Voice;

[Collection(CallHubCollection.Name)]
public sealed class EmulatedCallStreamTests(CallHubFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ToneLength = TimeSpan.FromMilliseconds(1010);

    [Fact]
    public async Task Streamed_call_sends_Twilio_messages_in_order_with_consecutive_numbering()
    {
        var wav = TestAudio.Wav(TestAudio.Tone(440, ToneLength, 44100), 44100, channels: 2);

        var call = await fixture.Calls.PlaceCallAsync(
            new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.StreamNumber, wav) { Pace = CallPace.Fast, Dtmf = "1#" });

        Assert.Equal((TwilioCallStatus.Completed, EmulatedCallEndReasons.StreamFinished), (call.Status, call.EndReason));
        Assert.Empty(call.Errors);
        Assert.InRange(call.AudioFrames, 50, 52);
        Assert.Equal(call.AudioFrames, call.FramesSent);
        Assert.Contains("<Connect><Stream", call.Twiml, StringComparison.Ordinal);
        Assert.Equal(1, call.MessagesFromHub);

        var stream = await fixture.Hub.StreamEndedAsync(call.CallSid);
        Assert.True(stream.HandshakeSignatureValid);
        var messages = stream.Messages;
        string[] expected = ["connected", "start", .. Enumerable.Repeat("media", call.FramesSent), "dtmf", "dtmf", "mark", "stop"];
        Assert.Equal(expected, messages.Select(m => m.EventName));

        var start = Assert.IsType<MediaStreamStart>(messages[1]);
        Assert.Equal((call.CallSid, CallHubFixture.AccountSid, call.StreamSid), (start.CallSid, start.AccountSid, start.StreamSid));
        Assert.True(TwilioSid.IsValid(start.StreamSid, "MZ"));
        Assert.Equal("L-42", start.CustomParameters["lead"]);
        Assert.Equal(CallHubFixture.Caller, start.CustomParameters["caller"]);

        var sequenceNumbers = messages.Skip(1).Select(SequenceNumber).ToList();
        Assert.Equal(Enumerable.Range(1, sequenceNumbers.Count).Select(n => (long)n), sequenceNumbers);

        var media = messages.OfType<MediaStreamMedia>().ToList();
        Assert.Equal(Enumerable.Range(1, media.Count).Select(n => (long)n), media.Select(m => m.Chunk));
        Assert.Equal(media.Select(m => (m.Chunk - 1) * 20), media.Select(m => m.Timestamp));
        Assert.All(media, m => Assert.Equal((160, "inbound", start.StreamSid), (m.Payload.Length, m.Track, m.StreamSid)));
        Assert.Equal(["1", "#"], messages.OfType<MediaStreamDtmf>().Select(d => d.Digit));
        Assert.Equal(EmulatedCallRequest.DefaultMark, messages.OfType<MediaStreamMark>().Single().Name);
        Assert.Equal(call.CallSid, Assert.IsType<MediaStreamStop>(messages[^1]).CallSid);
    }

    [Theory]
    [InlineData(440, 44100, 2)]
    [InlineData(1000, 16000, 1)]
    [InlineData(300, 8000, 1)]
    [InlineData(2500, 48000, 2)]
    public async Task Decoded_mu_law_payloads_reproduce_the_source_tone_within_one_percent(double frequency, int sampleRate, int channels)
    {
        var source = TestAudio.Tone(frequency, ToneLength, sampleRate);
        Assert.InRange(TestAudio.EstimateFrequency(source, sampleRate), frequency * 0.999, frequency * 1.001);

        var call = await fixture.Calls.PlaceCallAsync(
            new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.StreamNumber, TestAudio.Wav(source, sampleRate, channels)) { Pace = CallPace.Fast });

        var stream = await fixture.Hub.StreamEndedAsync(call.CallSid);
        var codes = stream.Messages.OfType<MediaStreamMedia>().SelectMany(m => m.Payload.ToArray()).ToArray();
        Assert.InRange(codes.Length / 160, (ToneLength.TotalMilliseconds / 20) - 1, (ToneLength.TotalMilliseconds / 20) + 1);
        var decoded = new float[codes.Length];
        MuLaw.Decode(codes, decoded);
        var at16k = Resampler.Resample(decoded, 8000, 16000);
        var measured = TestAudio.EstimateFrequency(at16k, 16000);
        output.WriteLine($"{frequency} Hz tone at {sampleRate} Hz x{channels}: {codes.Length / 160} frames, measured {measured:F2} Hz after mu-law and 8 -> 16 kHz");
        Assert.InRange(measured, frequency * 0.99, frequency * 1.01);
    }

    [Fact]
    public async Task Status_callback_reports_completed_with_the_seconds_streamed()
    {
        var wav = TestAudio.Wav(TestAudio.Tone(440, ToneLength, 8000), 8000, channels: 1);

        var call = await fixture.Calls.PlaceCallAsync(
            new EmulatedCallRequest(CallHubFixture.Caller, StandInVoiceHub.StreamNumber, wav) { Pace = CallPace.Fast, CallerName = "SARA K" });

        Assert.Equal(200, call.StatusCallbackStatusCode);
        var callback = Assert.Single(await fixture.Hub.StatusCallbacks.WaitForAsync(w => w["CallSid"] == call.CallSid, 1));
        Assert.True(callback.SignatureValid);
        var parsed = TwilioCallWebhookParser.Parse(callback.Form);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal((TwilioCallStatus.Completed, 2, "inbound"), (parsed.Value.Status, parsed.Value.CallDuration, parsed.Value.Direction));
        Assert.Equal(2, call.CallDuration);
    }

    private static long SequenceNumber(MediaStreamMessage message) => message switch
    {
        MediaStreamStart m => m.SequenceNumber,
        MediaStreamMedia m => m.SequenceNumber,
        MediaStreamDtmf m => m.SequenceNumber,
        MediaStreamMark m => m.SequenceNumber ?? -1,
        MediaStreamStop m => m.SequenceNumber,
        _ => -1,
    };
}
