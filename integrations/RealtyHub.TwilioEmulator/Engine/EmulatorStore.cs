using System.Net;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// Everything the emulator remembers, in memory, behind one lock: messages, idempotency tokens, when each
/// client last wrote to each business number, media, and the test hook for failing requests.
/// Raises <see cref="Changed"/> outside the lock after every change.
/// </summary>
internal sealed class EmulatorStore(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, EmulatedMessage> messages = new(StringComparer.Ordinal);
    private readonly List<string> creationOrder = [];
    private readonly Dictionary<string, string> sidsByIdempotencyToken = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Client, string Business), DateTimeOffset> lastInbound = [];
    private readonly Dictionary<string, StoredMedia> media = new(StringComparer.Ordinal);
    private int failuresLeft;
    private HttpStatusCode failureStatus = HttpStatusCode.ServiceUnavailable;
    private int restRequests;

    public event EventHandler<EmulatedMessageEventArgs>? Changed;

    public int RestRequestCount => Volatile.Read(ref restRequests);

    public DateTimeOffset Now => clock.GetUtcNow();

    public void FailNext(int count, HttpStatusCode status)
    {
        lock (gate)
        {
            failuresLeft = count;
            failureStatus = status;
        }
    }

    /// <summary>Counts a REST call and says whether the test hook wants it to fail.</summary>
    public HttpStatusCode? CountRestRequest()
    {
        Interlocked.Increment(ref restRequests);
        lock (gate)
        {
            if (failuresLeft == 0)
            {
                return null;
            }

            failuresLeft--;
            return failureStatus;
        }
    }

    /// <summary>Adds an outbound message unless <paramref name="idempotencyToken"/> already made one; returns the message and whether it is new.</summary>
    public (EmulatedMessage Message, bool Created) AddOutbound(EmulatedMessage message, string? idempotencyToken)
    {
        lock (gate)
        {
            if (idempotencyToken is not null && sidsByIdempotencyToken.TryGetValue(idempotencyToken, out var existing))
            {
                return (messages[existing], false);
            }

            AddLocked(message);
            if (idempotencyToken is not null)
            {
                sidsByIdempotencyToken[idempotencyToken] = message.Sid;
            }
        }

        Raise(message);
        return (message, true);
    }

    public void AddInbound(EmulatedMessage message, IEnumerable<StoredMedia> attachments)
    {
        lock (gate)
        {
            AddLocked(message);
            lastInbound[(message.ClientNumber, message.BusinessNumber)] = message.DateCreated;
            foreach (var item in attachments)
            {
                media[item.Sid] = item;
            }
        }

        Raise(message);
    }

    public DateTimeOffset? LastInbound(string clientNumber, string businessNumber)
    {
        lock (gate)
        {
            return lastInbound.TryGetValue((clientNumber, businessNumber), out var at) ? at : null;
        }
    }

    public EmulatedMessage SetStatus(string sid, TwilioMessageStatus status, int? errorCode, string? errorMessage)
    {
        EmulatedMessage updated;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var current = messages[sid];
            updated = current with
            {
                Status = status,
                ErrorCode = errorCode,
                ErrorMessage = errorMessage,
                DateUpdated = now,
                DateSent = status == TwilioMessageStatus.Sent ? now : current.DateSent,
            };
            messages[sid] = updated;
        }

        Raise(updated);
        return updated;
    }

    public EmulatedMessage? Find(string sid)
    {
        lock (gate)
        {
            return messages.GetValueOrDefault(sid);
        }
    }

    public StoredMedia? FindMedia(string sid)
    {
        lock (gate)
        {
            return media.GetValueOrDefault(sid);
        }
    }

    /// <summary>Messages matching <paramref name="filter"/>, in creation order.</summary>
    public List<EmulatedMessage> Select(Func<EmulatedMessage, bool> filter)
    {
        lock (gate)
        {
            return [.. creationOrder.Select(sid => messages[sid]).Where(filter)];
        }
    }

    private void AddLocked(EmulatedMessage message)
    {
        messages.Add(message.Sid, message);
        creationOrder.Add(message.Sid);
    }

    private void Raise(EmulatedMessage message) => Changed?.Invoke(this, new EmulatedMessageEventArgs(message));
}
