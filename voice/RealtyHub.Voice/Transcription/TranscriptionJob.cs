namespace RealtyHub.Voice.Transcription;

/// <summary>
/// One queued request. Its lock makes "cancel" and "start" exclusive: a job cancelled while queued never starts, and a
/// job cancelled while running asks whisper.cpp to stop (the native abort flag) instead of abandoning the worker.
/// </summary>
internal sealed class TranscriptionJob(ReadOnlyMemory<float> samples, string? language, CancellationToken cancellationToken)
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<Transcript> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration registration;
    private ISpeechSession? runningOn;
    private bool finished;

    public ReadOnlyMemory<float> Samples => samples;

    public string? Language => language;

    public Task<Transcript> Completion => completion.Task;

    public void WatchCancellation() => registration = cancellationToken.Register(static state => ((TranscriptionJob)state!).OnCancelled(), this);

    /// <summary>Claims the job for a worker; false when it was cancelled (or failed) while it waited.</summary>
    public bool TryStart(ISpeechSession session)
    {
        lock (gate)
        {
            if (finished)
            {
                return false;
            }
            session.ResetCancel();
            runningOn = session;
            if (cancellationToken.IsCancellationRequested)
            {
                session.Cancel();
            }
            return true;
        }
    }

    public void Succeed(Transcript transcript) => Finish(() => completion.TrySetResult(transcript));

    public void Fail(Exception error) => Finish(() =>
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            completion.TrySetException(error);
        }
    });

    private void OnCancelled()
    {
        lock (gate)
        {
            if (finished)
            {
                return;
            }
            if (runningOn is not null)
            {
                runningOn.Cancel();
                return;
            }
            finished = true;
        }
        completion.TrySetCanceled(cancellationToken);
    }

    private void Finish(Action complete)
    {
        lock (gate)
        {
            if (finished)
            {
                return;
            }
            finished = true;
            runningOn = null;
        }
        // Unregister, not Dispose: Dispose would wait for a callback running on another thread.
        registration.Unregister();
        complete();
    }
}
