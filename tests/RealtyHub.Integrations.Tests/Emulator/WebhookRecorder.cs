using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>
/// Stands in for the hub's webhooks: records every signed form post (validating it with <see cref="TwilioSignature"/>)
/// and lets tests await the posts they expect, with a timeout instead of sleeps.
/// </summary>
public sealed class WebhookRecorder(string authToken)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly List<RecordedWebhook> received = [];
    private readonly List<(Func<RecordedWebhook, bool> Match, int Count, TaskCompletionSource<IReadOnlyList<RecordedWebhook>> Done)> waiters = [];

    public async Task<IResult> RecordAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        var url = http.Request.GetEncodedUrl();
        var valid = TwilioSignature.IsValid(authToken, url, fields, http.Request.Headers[TwilioSignature.HeaderName]);
        Add(new RecordedWebhook(http.Request.Path, url, fields, valid));
        return Results.Text("<Response/>", "application/xml");
    }

    /// <summary>Waits until <paramref name="count"/> matching posts have arrived (counting earlier ones) and returns them in arrival order.</summary>
    public Task<IReadOnlyList<RecordedWebhook>> WaitForAsync(Func<RecordedWebhook, bool> match, int count)
    {
        lock (gate)
        {
            var matches = received.Where(match).ToList();
            if (matches.Count >= count)
            {
                return Task.FromResult<IReadOnlyList<RecordedWebhook>>(matches);
            }

            var done = new TaskCompletionSource<IReadOnlyList<RecordedWebhook>>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, count, done));
            return done.Task.WaitAsync(Timeout);
        }
    }

    public IReadOnlyList<RecordedWebhook> Received(Func<RecordedWebhook, bool> match)
    {
        lock (gate)
        {
            return [.. received.Where(match)];
        }
    }

    private void Add(RecordedWebhook webhook)
    {
        lock (gate)
        {
            received.Add(webhook);
            foreach (var waiter in waiters.ToList())
            {
                var matches = received.Where(waiter.Match).ToList();
                if (matches.Count >= waiter.Count)
                {
                    waiters.Remove(waiter);
                    waiter.Done.TrySetResult(matches);
                }
            }
        }
    }
}
