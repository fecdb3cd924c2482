using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator.Engine;

namespace RealtyHub.TwilioEmulator;

/// <summary>
/// The simulated WhatsApp users behind the Twilio emulator, and a window into what it holds: send messages to
/// the hub as a client would, watch the hub's replies and their delivery statuses, and (for tests) make the
/// REST API fail. Registered as a singleton by <see cref="TwilioEmulatorServiceCollectionExtensions.AddTwilioEmulator"/>.
/// </summary>
public sealed partial class TwilioEmulatorService
{
    private readonly EmulatorStore store;
    private readonly SignedFormPoster poster;
    private readonly EmulatorUrls urls;
    private readonly IOptions<TwilioEmulatorOptions> options;
    private readonly ILogger<TwilioEmulatorService> logger;

    internal TwilioEmulatorService(
        EmulatorStore store, SignedFormPoster poster, EmulatorUrls urls, IOptions<TwilioEmulatorOptions> options, ILogger<TwilioEmulatorService> logger)
    {
        this.store = store;
        this.poster = poster;
        this.urls = urls;
        this.options = options;
        this.logger = logger;
        store.Changed += OnStoreChanged;
    }

    /// <summary>
    /// A message was created (inbound from a simulated client, or outbound from the hub) or changed status.
    /// Raised on the thread that made the change; a UI should marshal to its own context
    /// (<c>InvokeAsync(StateHasChanged)</c>). A handler that throws is logged and does not affect the emulator.
    /// </summary>
    public event EventHandler<EmulatedMessageEventArgs>? MessageChanged;

    /// <summary>How many REST API calls (Messages resource and media) the emulator has answered, failed ones included.</summary>
    public int RestRequestCount => store.RestRequestCount;

    /// <summary>
    /// A client sends a WhatsApp message to a business number: the emulator records it (opening the 24-hour
    /// window), and posts Twilio's signed webhook form to <see cref="TwilioEmulatorOptions.InboundWebhookUrl"/>.
    /// </summary>
    /// <param name="from">The client's number, <c>+E164</c> (or <c>whatsapp:+E164</c>).</param>
    /// <param name="to">The business number, <c>+E164</c> (or <c>whatsapp:+E164</c>).</param>
    /// <param name="body">The text; may be empty when <paramref name="media"/> is given.</param>
    /// <param name="profileName">The client's WhatsApp profile name.</param>
    /// <param name="media">Attachments (at most 10), served behind Basic auth at <c>{prefix}/media/{sid}</c>.</param>
    /// <param name="repeat">How many times to post the same form (same MessageSid), as Twilio does when it retries.</param>
    /// <param name="cancellationToken">Cancels the posting.</param>
    /// <returns>The MessageSid and the hub's HTTP status for each post.</returns>
    /// <exception cref="ArgumentException">A number is not E.164, or there is nothing to send.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="TwilioEmulatorOptions.InboundWebhookUrl"/> is configured.</exception>
    /// <exception cref="HttpRequestException">The hub could not be reached.</exception>
    public async Task<EmulatedInboundResult> SendInboundAsync(
        string from,
        string to,
        string body,
        string? profileName = null,
        IReadOnlyList<EmulatedMedia>? media = null,
        int repeat = 1,
        CancellationToken cancellationToken = default)
    {
        var client = PhoneNumbers.ToE164(from, nameof(from));
        var business = PhoneNumbers.ToE164(to, nameof(to));
        media ??= [];
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repeat, 10);
        if (media.Count > TwilioInboundMessageParser.MaxMedia)
        {
            throw new ArgumentException($"WhatsApp messages carry at most {TwilioInboundMessageParser.MaxMedia} media items.", nameof(media));
        }

        if (body.Length == 0 && media.Count == 0)
        {
            throw new ArgumentException("An inbound message needs a body or media.", nameof(body));
        }

        var settings = options.Value;
        var webhook = settings.InboundWebhookUrl
            ?? throw new InvalidOperationException("Set TwilioEmulatorOptions.InboundWebhookUrl to the hub's inbound WhatsApp webhook.");

        var stored = media
            .Select(m => new StoredMedia(TwilioSid.Create("ME"), m.ContentType, m.Content.ToArray(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))))
            .ToList();
        var now = store.Now;
        var message = new EmulatedMessage
        {
            Sid = TwilioSid.Create(stored.Count > 0 ? "MM" : "SM"),
            Direction = EmulatedMessageDirection.Inbound,
            ClientNumber = client,
            BusinessNumber = business,
            Body = body,
            ProfileName = profileName,
            Media = [.. stored.Select(m => new EmulatedMediaLink(urls.MediaUrl(m.Sid), m.ContentType))],
            Status = TwilioMessageStatus.Received,
            DateCreated = now,
            DateUpdated = now,
        };
        store.AddInbound(message, stored);

        var form = InboundWebhookForm.Build(message, settings.AccountSid);
        var statusCodes = new List<int>(repeat);
        for (var i = 0; i < repeat; i++)
        {
            statusCodes.Add(await poster.PostAsync(webhook.OriginalString, form, cancellationToken));
        }

        return new EmulatedInboundResult(message.Sid, statusCodes);
    }

    /// <summary>Everything exchanged with one client, both directions, oldest first, with current statuses.</summary>
    /// <param name="clientNumber">The client's number, <c>+E164</c> (or <c>whatsapp:+E164</c>).</param>
    public IReadOnlyList<EmulatedMessage> GetConversation(string clientNumber)
    {
        var client = PhoneNumbers.ToE164(clientNumber, nameof(clientNumber));
        return store.Select(m => m.ClientNumber == client);
    }

    /// <summary>Every message the emulator holds, oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> GetMessages() => store.Select(_ => true);

    /// <summary>One message by SID, or <c>null</c>.</summary>
    public EmulatedMessage? GetMessage(string sid) => store.Find(sid);

    /// <summary>Test hook: the next <paramref name="count"/> REST calls answer <paramref name="statusCode"/> (default 503) with a Twilio error document.</summary>
    public void FailNextRequests(int count, HttpStatusCode statusCode = HttpStatusCode.ServiceUnavailable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        store.FailNext(count, statusCode);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A subscriber's bug must not break the emulated Twilio.")]
    private void OnStoreChanged(object? sender, EmulatedMessageEventArgs e)
    {
        foreach (var handler in MessageChanged?.GetInvocationList() ?? [])
        {
            try
            {
                ((EventHandler<EmulatedMessageEventArgs>)handler)(this, e);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, e.Message.Sid);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A MessageChanged handler failed for {Sid}")]
    private partial void LogHandlerFailed(Exception exception, string sid);
}
