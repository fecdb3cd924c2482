using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// A dedicated thread that takes jobs from the queue and runs them on its own session, opened on its first job (so the
/// model loads lazily, on a worker, never on a caller's thread).
/// </summary>
internal sealed class TranscriptionWorker
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ChannelReader<TranscriptionJob> jobs;
    private readonly ISpeechEngine engine;
    private readonly ILogger logger;
    private readonly Thread thread;
    private volatile ISpeechSession? session;

    public TranscriptionWorker(int number, ChannelReader<TranscriptionJob> jobs, ISpeechEngine engine, ILogger logger)
    {
        this.jobs = jobs;
        this.engine = engine;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = $"whisper-worker-{number}" };
        thread.Start();
    }

    /// <summary>Interrupts the running job, lets the thread drain and free its session.</summary>
    public void Stop()
    {
        session?.Cancel();
        if (!thread.Join(StopTimeout))
        {
            logger.LogWarning("Transcription worker {Worker} did not stop within {Timeout}", thread.Name, StopTimeout);
        }
    }

    private void Run()
    {
        try
        {
            // Blocking is the point of a dedicated thread: it only ever waits for the next job.
            while (jobs.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (jobs.TryRead(out var job))
                {
                    Process(job);
                }
            }
        }
        finally
        {
            session?.Dispose();
            session = null;
        }
    }

    private void Process(TranscriptionJob job)
    {
        try
        {
            session ??= engine.OpenSession();
            if (!job.TryStart(session))
            {
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var speech = session.Recognize(job.Samples, job.Language);
            job.Succeed(WhisperTranscriber.Complete(speech, job.Samples.Length, Stopwatch.GetElapsedTime(started)));
        }
        catch (Exception e)
        {
            if (e is not (OperationCanceledException or TranscriptionUnavailableException or ArgumentException))
            {
                logger.LogError(e, "Transcription failed on {Worker}", thread.Name);
            }
            job.Fail(e);
        }
    }
}
