namespace RealtyHub.Voice.Audio;

/// <summary>
/// Splits a 16 kHz mono stream into utterances by frame energy against an adaptive noise floor, for live calls
/// (Whisper gets one utterance at a time) and partial transcripts. Feed chunks of any size.
/// </summary>
/// <remarks>Energy on 20 ms frames; see <see cref="VadOptions"/> for each threshold and docs/voice-audio.md for the
/// measured behaviour. Not thread-safe: one detector per stream.</remarks>
public sealed class VoiceActivityDetector
{
    /// <summary>The sample rate the detector expects.</summary>
    public const int SampleRate = 16000;

    private const int FrameSamples = SampleRate / 50;

    private readonly VadOptions _options;
    private readonly NoiseFloorTracker _noise;
    private readonly StreamAudioBuffer _audio = new();
    private readonly float[] _frame = new float[FrameSamples];
    private int _frameFill;
    private int _aboveRun;
    private readonly OnsetFinder _onsets;
    private long _previousEnd;
    private Utterance? _current;

    /// <summary>Creates a detector with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public VoiceActivityDetector(VadOptions? options = null)
    {
        _options = options ?? new VadOptions();
        _options.Validate();
        _noise = new NoiseFloorTracker(Frames(_options.NoiseWindow));
        _onsets = new OnsetFinder(Frames(_options.OnsetLookback + _options.StartDuration), Frames(_options.StartDuration));
    }

    /// <summary>Adds samples and returns what happened in them, in order.</summary>
    public IReadOnlyList<VadEvent> Process(ReadOnlySpan<float> samples)
    {
        var events = new List<VadEvent>();
        while (!samples.IsEmpty)
        {
            int take = Math.Min(FrameSamples - _frameFill, samples.Length);
            samples[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            samples = samples[take..];
            if (_frameFill == FrameSamples)
            {
                OnFrame(_frame, events);
                _frameFill = 0;
            }
        }

        return events;
    }

    /// <summary>The stream ended (or paused): closes the utterance in progress, if it is long enough.</summary>
    public IReadOnlyList<VadEvent> Flush()
    {
        var events = new List<VadEvent>();
        if (_frameFill > 0)
        {
            OnFrame(_frame.AsSpan(0, _frameFill), events);
            _frameFill = 0;
        }

        if (_current is { } utterance)
        {
            if (!utterance.Confirmed && utterance.SpeechLength >= Samples(_options.MinUtterance))
            {
                events.Add(new SpeechStarted(Time(utterance.Start)));
                utterance.Confirmed = true;
            }

            End(Math.Min(utterance.LastSpeechEnd + Samples(_options.EndPadding), _audio.End), forcedCut: false, events);
        }

        return events;
    }

    private void OnFrame(ReadOnlySpan<float> frame, List<VadEvent> events)
    {
        double energy = EnergyDb(frame);
        double floor = _noise.Floor ?? energy;
        _noise.Add(energy);
        _audio.Append(frame);

        if (_current is null)
        {
            bool loud = energy > floor + _options.StartMarginDb && energy > _options.AbsoluteMinimumDb;
            bool soft = energy > floor + _options.ContinueMarginDb && energy > _options.AbsoluteMinimumDb;
            _aboveRun = loud ? _aboveRun + 1 : 0;
            _onsets.Record(soft);
            if ((long)_aboveRun * FrameSamples >= Samples(_options.StartDuration))
            {
                long triggered = _audio.End - ((long)_aboveRun * FrameSamples);
                long onset = Math.Max(
                    triggered - ((long)_onsets.FramesBefore(_aboveRun) * FrameSamples),
                    triggered - Samples(_options.OnsetLookback));
                Begin(onset, Math.Max(Math.Max(onset - Samples(_options.PreRoll), _previousEnd), _audio.Start));
            }
            else
            {
                var kept = _options.PreRoll + _options.OnsetLookback + _options.StartDuration;
                _audio.DropBefore(_audio.End - Samples(kept) - FrameSamples);
            }

            return;
        }

        bool speech = energy > floor + _options.ContinueMarginDb && energy > _options.AbsoluteMinimumDb;
        Continue(_current, speech, events);
    }

    private void Continue(Utterance utterance, bool speech, List<VadEvent> events)
    {
        long now = _audio.End;
        if (speech)
        {
            utterance.LastSpeechEnd = now;
        }

        if (!utterance.Confirmed && utterance.SpeechLength >= Samples(_options.MinUtterance))
        {
            utterance.Confirmed = true;
            utterance.NextPartial = utterance.Start + Samples(_options.PartialInterval);
            events.Add(new SpeechStarted(Time(utterance.Start)));
        }

        if (now - utterance.LastSpeechEnd >= Samples(_options.Hangover))
        {
            End(Math.Min(utterance.LastSpeechEnd + Samples(_options.EndPadding), now), forcedCut: false, events);
        }
        else if (now - utterance.Start >= Samples(_options.MaxUtterance))
        {
            End(now, forcedCut: true, events);
            Begin(now, now);
        }
        else if (utterance.Confirmed && now >= utterance.NextPartial)
        {
            utterance.NextPartial += Samples(_options.PartialInterval);
            events.Add(new SpeechContinuing(new AudioClip(_audio.Copy(utterance.Start, now), SampleRate), Time(utterance.Start)));
        }
    }

    private void Begin(long onset, long start)
    {
        _current = new Utterance(start, onset) { LastSpeechEnd = _audio.End };
        _aboveRun = 0;
        _audio.DropBefore(start);
    }

    private void End(long end, bool forcedCut, List<VadEvent> events)
    {
        var utterance = _current!;
        _current = null;
        if (utterance.Confirmed)
        {
            var clip = new AudioClip(_audio.Copy(utterance.Start, end), SampleRate);
            events.Add(new UtteranceEnded(clip, Time(utterance.Start), Time(end), forcedCut));
            _previousEnd = end;
        }

        _audio.DropBefore(end);
    }

    private static double EnergyDb(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float sample in frame)
        {
            sum += sample * (double)sample;
        }

        // 1e-10 (-100 dBFS) keeps digital silence finite.
        return 10 * Math.Log10((sum / frame.Length) + 1e-10);
    }

    private static long Samples(TimeSpan duration) => duration.Ticks * SampleRate / TimeSpan.TicksPerSecond;

    private static int Frames(TimeSpan duration) => (int)Math.Max(1, Samples(duration) / FrameSamples);

    private static TimeSpan Time(long sample) => TimeSpan.FromTicks(sample * TimeSpan.TicksPerSecond / SampleRate);

    /// <summary>The utterance in progress, in absolute sample indexes.</summary>
    private sealed class Utterance(long start, long onset)
    {
        public long Start { get; } = start;

        public long Onset { get; } = onset;

        public long LastSpeechEnd { get; set; }

        public bool Confirmed { get; set; }

        public long NextPartial { get; set; }

        public long SpeechLength => LastSpeechEnd - Onset;
    }
}
