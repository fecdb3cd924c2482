using System.Net;
using RealtyHub.LlmEmulator.Engine;

namespace RealtyHub.LlmEmulator;

/// <summary>
/// The emulator's test hooks and request log. Registered as a singleton by
/// <see cref="LlmEmulatorServiceCollectionExtensions.AddLlmEmulator"/>. Each hook applies to the next chat
/// completions requests, one per request, in arrival order; a request may be both delayed and failed.
/// </summary>
public sealed class LlmEmulatorService
{
    /// <summary>The log keeps the latest requests only, so an emulator mounted in a long-running demo does not grow.</summary>
    public const int MaxLoggedRequests = 1_000;

    private readonly Lock gate = new();
    private readonly List<EmulatedChatRequest> requests = [];
    private readonly Queue<HttpStatusCode> failures = new();
    private readonly Queue<TimeSpan> delays = new();
    private readonly Queue<string> answers = new();

    /// <summary>The chat completions requests received with a valid key (the latest <see cref="MaxLoggedRequests"/>), oldest first.</summary>
    public IReadOnlyList<EmulatedChatRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="status"/> and an OpenAI-style error body.</summary>
    public void FailNext(int count, HttpStatusCode status) => Enqueue(failures, count, status);

    /// <summary>The next <paramref name="count"/> requests wait <paramref name="delay"/> before answering (or failing).</summary>
    public void DelayNext(int count, TimeSpan delay) => Enqueue(delays, count, delay);

    /// <summary>The next <paramref name="count"/> successful requests answer <paramref name="content"/> verbatim (e.g. broken JSON).</summary>
    public void AnswerNext(int count, string content) => Enqueue(answers, count, content);

    /// <summary>Forgets the request log and any pending hooks.</summary>
    public void Reset()
    {
        lock (gate)
        {
            requests.Clear();
            failures.Clear();
            delays.Clear();
            answers.Clear();
        }
    }

    /// <summary>Logs a request and takes the hooks that apply to it.</summary>
    internal RequestPlan Receive(EmulatedChatRequest request)
    {
        lock (gate)
        {
            if (requests.Count == MaxLoggedRequests)
            {
                requests.RemoveAt(0);
            }

            requests.Add(request);
            return new RequestPlan(
                delays.TryDequeue(out var delay) ? delay : TimeSpan.Zero,
                failures.TryDequeue(out var status) ? status : null);
        }
    }

    /// <summary>The scripted answer for a successful request, if a test set one.</summary>
    internal string? TakeAnswer()
    {
        lock (gate)
        {
            return answers.TryDequeue(out var answer) ? answer : null;
        }
    }

    private void Enqueue<T>(Queue<T> queue, int count, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(item);
            }
        }
    }
}
