using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>
/// The open conversation's messages, oldest first: the newest page from the store with the grain's recent messages
/// (the freshest statuses) on top, live updates as they come, and older pages in front.
/// </summary>
internal sealed class ChatHistory
{
    public const int PageSize = 30;

    private readonly List<ChatMessage> _messages = [];

    public IReadOnlyList<ChatMessage> Messages => _messages;

    /// <summary>Where the next "load older" starts; <c>null</c> before the first page.</summary>
    public long? OldestSequence { get; private set; }

    public bool HasOlder { get; private set; }

    public void Reset(IReadOnlyList<StoredMessage> newestFirst, IEnumerable<ChatMessage> recent)
    {
        _messages.Clear();
        _messages.AddRange(newestFirst.Reverse().Select(s => s.Message));
        Track(newestFirst);
        foreach (var message in recent)
        {
            Upsert(message);
        }
    }

    public void PrependOlder(IReadOnlyList<StoredMessage> newestFirst)
    {
        var known = _messages.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        _messages.InsertRange(0, newestFirst.Reverse().Select(s => s.Message).Where(m => !known.Contains(m.MessageId)));
        Track(newestFirst);
    }

    /// <summary>
    /// Adds a new message in time order, or replaces a known one. A status never goes back: the reply's own answer
    /// (Queued) can arrive after the feed already said Delivered.
    /// </summary>
    public void Upsert(ChatMessage message)
    {
        var index = _messages.FindIndex(m => m.MessageId == message.MessageId);
        if (index >= 0)
        {
            var current = _messages[index].Status;
            if (current == message.Status || current.CanMoveTo(message.Status))
            {
                _messages[index] = message;
            }

            return;
        }

        var at = _messages.FindLastIndex(m => m.At <= message.At);
        _messages.Insert(at + 1, message);
    }

    private void Track(IReadOnlyList<StoredMessage> newestFirst)
    {
        HasOlder = newestFirst.Count >= PageSize;
        if (newestFirst.Count > 0)
        {
            OldestSequence = newestFirst.Min(s => s.Sequence);
        }
    }
}
