using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>
/// An engine without native code whose sessions can be held at a gate, so queue states are reached deterministically:
/// a held session is "busy" until the test opens the gate or cancels it.
/// </summary>
internal sealed class FakeSpeechEngine : ISpeechEngine
{
    private readonly SemaphoreSlim started = new(0);
    private int running;
    private int maxRunning;
    private int recognized;

    public TranscriberHealth Health { get; set; } = TranscriberHealth.Ready("fake", "fake-model");

    public string? DefaultLanguage => null;

    /// <summary>Sessions wait here before answering; open by default.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public int Recognized => Volatile.Read(ref recognized);

    public int MaxRunning => Volatile.Read(ref maxRunning);

    public bool IsKnownLanguage(string language) => language is "en" or "ar";

    public ISpeechSession OpenSession() => new Session(this);

    /// <summary>Waits until a session has begun a recognition (the worker is then busy).</summary>
    public async Task WaitUntilStartedAsync()
    {
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)), "no recognition started within 10 s");
    }

    public void Dispose()
    {
        Gate.Dispose();
        started.Dispose();
    }

    private sealed class Session(FakeSpeechEngine engine) : ISpeechSession
    {
        private CancellationTokenSource cancel = new();

        public RecognizedSpeech Recognize(ReadOnlyMemory<float> samples, string? language)
        {
            var now = Interlocked.Increment(ref engine.running);
            InterlockedMax(ref engine.maxRunning, now);
            engine.started.Release();
            try
            {
                engine.Gate.Wait(cancel.Token);
                Interlocked.Increment(ref engine.recognized);
                var seconds = samples.Length / 16_000.0;
                // Claims more time than the audio has, as whisper does on its padded 30 s window.
                return new RecognizedSpeech([new(TimeSpan.Zero, TimeSpan.FromSeconds(seconds + 5), $"heard {samples.Length}")], language ?? "en");
            }
            finally
            {
                Interlocked.Decrement(ref engine.running);
            }
        }

        public void Cancel() => cancel.Cancel();

        public void ResetCancel()
        {
            if (cancel.IsCancellationRequested)
            {
                cancel.Dispose();
                cancel = new CancellationTokenSource();
            }
        }

        public void Dispose() => cancel.Dispose();

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}
