using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RealtyHub.LoadTests.Metrics;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// What the callers sent and what the supervisors' consoles received, matched per call. A final transcript line's
/// latency = its arrival at the supervisor's SignalR client − the send time of media frame <c>End / 20 ms</c> (frame 0 =
/// the call's first media message; the line's Start/End count from it), i.e. the moment the replay's audio clock
/// reached the line's End: every frame of the utterance went out ≤ 20 ms before.
/// </summary>
public sealed class LiveCallLedger
{
    private readonly ConcurrentDictionary<string, long[]> _frameSentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string CallSid, int Sequence), byte> _finalLines = new();
    private readonly ConcurrentDictionary<string, byte> _ended = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly LatencyRecorder _latency = new();
    private long _streamed;
    private long _failed;
    private long _partials;
    private long _unmatched;

    public LatencyRecorder Latency => _latency;

    public int Placed => _frameSentAt.Count;

    public long Streamed => Interlocked.Read(ref _streamed);

    public long Failed => Interlocked.Read(ref _failed);

    public int Ended => _ended.Count;

    public int FinalLines => _finalLines.Count;

    public long PartialLines => Interlocked.Read(ref _partials);

    /// <summary>Final lines whose End frame had not been sent (cannot happen unless offsets are not what the docs say).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>The first few failures' messages (a run can fail the same way hundreds of times).</summary>
    public IReadOnlyList<string> Problems => [.. _problems.Distinct(StringComparer.Ordinal).Take(5)];

    /// <summary>A new call: the caller fills the returned array with each frame's send time (Stopwatch ticks).</summary>
    public long[] Place(string callSid, int frames)
    {
        var sentAt = new long[frames];
        _frameSentAt[callSid] = sentAt;
        return sentAt;
    }

    public void StreamedToTheEnd() => Interlocked.Increment(ref _streamed);

    public void Fail(string problem)
    {
        Interlocked.Increment(ref _failed);
        if (_problems.Count < 50)
        {
            _problems.Enqueue(problem);
        }
    }

    /// <summary>The supervisor's <c>VoiceCallChanged(VoiceCallView, TranscriptLine?)</c>, read as JSON (camelCase, enums as names).</summary>
    public void OnVoiceCallChanged(JsonElement view, JsonElement? line)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (view.ValueKind != JsonValueKind.Object || view.GetProperty("callSid").GetString() is not { } callSid
            || !_frameSentAt.TryGetValue(callSid, out var sentAt))
        {
            return;
        }

        if (view.GetProperty("state").GetString() == "Ended")
        {
            _ended.TryAdd(callSid, 0);
        }

        if (line is not { ValueKind: JsonValueKind.Object } transcript)
        {
            return;
        }

        if (!transcript.GetProperty("isFinal").GetBoolean())
        {
            Interlocked.Increment(ref _partials);
            return;
        }

        if (!_finalLines.TryAdd((callSid, transcript.GetProperty("sequence").GetInt32()), 0))
        {
            return;
        }

        var end = transcript.GetProperty("end").Deserialize<TimeSpan>();
        var frame = (int)Math.Min(end.Ticks / DemoCallAudio.FrameLength.Ticks, sentAt.Length - 1);
        var sent = Volatile.Read(ref sentAt[frame]);
        if (sent == 0)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        _latency.Record(Stopwatch.GetElapsedTime(sent, receivedAt));
    }
}
