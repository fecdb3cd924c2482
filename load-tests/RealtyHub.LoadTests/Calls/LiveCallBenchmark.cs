using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.Integrations.Twilio;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Scenarios;
using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// <c>--calls</c> callers, each placing calls back to back (the next dials once the previous one's <c>stop</c> is sent) that replay the demo call in real time until
/// <c>--duration</c> has passed (a call started before then plays to its end). Callers start staggered over one
/// replay, so utterances of different calls do not all end at the same instant. Calls go to the load-test
/// brokerages in turn (their voice number is their WhatsApp number) and to the web nodes in turn; each brokerage's
/// supervisor listens on SignalR at web-1.
/// </summary>
public static class LiveCallBenchmark
{
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(30);

    public static async Task<ScenarioResult> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, DemoCallAudio audio,
        Action<double> progress, CancellationToken cancellationToken)
    {
        var ledger = new LiveCallLedger();
        var called = brokerages.Take(Math.Min(settings.Calls, brokerages.Count)).ToList();
        var supervisors = called.Select(b => (b, b.Supervisors[0], "Supervisor"));
        await using var consoles = await ConsoleConnections.OpenAsync([environment.Webs[0].BaseAddress], supervisors,
            (_, connection) => connection.On<JsonElement, JsonElement?>("VoiceCallChanged", ledger.OnVoiceCallChanged), null, cancellationToken);

        using var http = HubEnvironment.CreateLoadClient();
        var replayer = new CallReplayer(new VoiceWebhookPoster(http), audio, ledger);
        var webs = environment.Webs.Select(w => w.BaseAddress).ToList();
        var placed = 0;
        var endings = new List<Task>();
        var endingsGate = new Lock();
        await using var sampler = new ProcessSampler([.. environment.All.Select(p => (p.Name, p.Pid))]);
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, settings.Calls).Select(async caller =>
        {
            await Task.Delay(audio.Duration * caller / settings.Calls, cancellationToken);
            for (var n = 0; clock.Elapsed < settings.Duration; n++)
            {
                var index = Interlocked.Increment(ref placed) - 1;
                var call = new PlacedCall(TwilioSid.Create("CA"), string.Create(CultureInfo.InvariantCulture, $"+97156{(caller * 100_000) + n:D7}"),
                    called[caller % called.Count].WhatsAppNumber, webs[index % webs.Count]);
                var ending = await replayer.StreamAsync(call, cancellationToken);
                lock (endingsGate)
                {
                    endings.Add(ending);
                }

                progress(Math.Min(0.9, clock.Elapsed / settings.Duration * 0.9));
            }
        });
        await Task.WhenAll(callers);
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(endings);

        // Lines of the last utterance and the Ended views travel after the stream closed.
        var expected = ledger.Streamed * DemoCallAudio.LinesPerReplay;
        var straggle = Stopwatch.StartNew();
        while ((ledger.FinalLines < expected || ledger.Ended < ledger.Placed) && straggle.Elapsed < Straggle)
        {
            await Task.Delay(200, cancellationToken);
        }

        progress(1);
        var latency = ledger.Latency.Summarize();
        var details = new List<KeyValuePair<string, string>>
        {
            new("calls (--calls) / replay", string.Create(CultureInfo.InvariantCulture, $"{settings.Calls} concurrent, each replaying {DemoCallAudio.RelativePath} ({audio.Duration.TotalSeconds:0.0} s, {audio.Frames.Count} frames of 20 ms mu-law) back to back for --duration, callers staggered by {audio.Duration.TotalSeconds / settings.Calls:0.0} s")),
            new("calls placed / streamed to the end / failed / Ended seen by the supervisor", $"{ledger.Placed} / {ledger.Streamed} / {ledger.Failed} / {ledger.Ended}"),
            new("final lines received / expected (4 per fully streamed replay)", $"{ledger.FinalLines} / {expected}"),
            new("partial lines received", ledger.PartialLines.ToString(CultureInfo.InvariantCulture)),
            new("final lines without a sent End frame", ledger.Unmatched.ToString(CultureInfo.InvariantCulture)),
            new("hub transcriber", string.Create(CultureInfo.InvariantCulture, $"placeholder Whisper model, tiny shape (untrained weights: the text is meaningless, the compute is real), MaxTokensPerSegment {HubEnvironment.LiveMaxTokens}, TemperatureFallback off, ThreadsPerJob and MaxConcurrency at their defaults (cores/2 = {Math.Max(1, System.Environment.ProcessorCount / 2)}, 1) per web node")),
            new("what the latency includes", "by design ≈ 400 ms of detector wait: a line's End is the last speech frame + 200 ms end padding, and the utterance is only closed after 600 ms below the speech threshold (hangover), i.e. 400 ms of audio after End (+ up to one 20 ms frame and ≈ 3 ms resampler delay); then the wait for the node's single transcription worker (shared by all calls on the node and by partial lines), whisper's run (encoder window fitted to the utterance, the hub's default), the session grain, the brokerage feed and SignalR. A last utterance cut by the stream's stop has less than 400 ms of detector wait. The model loads lazily, so the first line on each node includes loading it"),
        };
        if (ledger.Problems.Count > 0)
        {
            details.Add(new("first errors", string.Join(" | ", ledger.Problems)));
        }

        return new ScenarioResult("voice-live",
            "Twilio-style calls (signed voice webhook → TwiML <Connect><Stream> → Media Stream WebSocket, 20 ms mu-law frames in real time); latency = media frame End/20 ms sent → the supervisor's SignalR client receives the final TranscriptLine",
            seconds, latency.Count, latency.Count / seconds, "final lines/s", latency, ledger.Failed + ledger.Unmatched, null, sampler.Snapshot(), details,
            string.Create(CultureInfo.InvariantCulture, $"{ledger.FinalLines} of {expected} final lines"));
    }
}
