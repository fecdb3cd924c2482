using System.Collections.Immutable;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Web.Webhooks;

/// <summary>
/// Turns stored webhooks into conversation messages after the acknowledgement: fetches and stores media, hands the
/// message to its conversation grain, marks the webhook processed. A sweep picks up what a crash or a failure left
/// behind, so an acknowledged message is never lost; the grain ignores a MessageSid it already has.
/// </summary>
public sealed partial class InboundProcessor(
    InboundInbox inbox,
    TwilioMediaClient media,
    IMediaStore mediaStore,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    /// <summary>Only webhooks this old are swept, so the sweep does not race the normal path.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromSeconds(5);

    private const int Concurrency = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signalled = Parallel.ForEachAsync(
            inbox.Signals.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (sid, token) => await ProcessAsync(sid, token));
        await Task.WhenAll(signalled, SweepAsync(stoppingToken));
    }

    /// <summary>Processes one stored webhook; safe to call more than once for the same MessageSid.</summary>
    public async Task ProcessAsync(string messageSid, CancellationToken cancellationToken)
    {
        try
        {
            if (await inbox.FindPendingAsync(messageSid, cancellationToken) is not { } pending)
            {
                return;
            }

            var parsed = TwilioInboundMessageParser.Parse(pending.Form);
            if (parsed.Value is not { } message)
            {
                LogUnparsable(logger, messageSid, string.Join("; ", parsed.Errors));
                await inbox.MarkProcessedAsync(messageSid, cancellationToken);
                return;
            }

            var inbound = new InboundWhatsApp(
                message.MessageSid, message.From.E164, message.To.E164, message.ProfileName, message.Body,
                await StoreMediaAsync(pending.BrokerageId, message.Media, cancellationToken), clock.GetUtcNow());
            await grains.GetGrain<IConversationGrain>(ConversationKeys.For(pending.BrokerageId, inbound.ClientPhone)).ReceiveAsync(inbound);
            await inbox.MarkProcessedAsync(messageSid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Stays unprocessed: the sweep tries again.
            LogFailed(logger, ex, messageSid);
        }
    }

    private async Task<ImmutableArray<MediaAttachment>> StoreMediaAsync(string brokerageId, IReadOnlyList<TwilioInboundMedia> items, CancellationToken cancellationToken)
    {
        var stored = ImmutableArray.CreateBuilder<MediaAttachment>(items.Count);
        foreach (var item in items)
        {
            try
            {
                var file = await media.DownloadAsync(item.Url, cancellationToken);
                var id = await mediaStore.SaveAsync(brokerageId, file.ContentType, file.Content, cancellationToken);
                stored.Add(new MediaAttachment(id, file.ContentType, file.Content.Length));
            }
            catch (TwilioMediaTooLargeException ex)
            {
                stored.Add(new MediaAttachment(null, item.ContentType, 0, ex.Message));
            }
            catch (Exception ex) when (ex is HttpRequestException or TwilioApiException)
            {
                LogMediaFailed(logger, ex, item.Url.ToString());
                stored.Add(new MediaAttachment(null, item.ContentType, 0, "The attachment could not be fetched from WhatsApp."));
            }
        }

        return stored.MoveToImmutable();
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery);
        do
        {
            try
            {
                foreach (var sid in await inbox.ListStrandedAsync(StrandedAfter, 100, stoppingToken))
                {
                    await ProcessAsync(sid, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored webhook {MessageSid} cannot be parsed: {Errors}")]
    private static partial void LogUnparsable(ILogger logger, string messageSid, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound message {MessageSid} could not be processed yet; the sweep will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {Url} could not be fetched")]
    private static partial void LogMediaFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbound sweep failed; next tick retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
