using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
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
    AgentNumbers agentNumbers,
    IOptions<InboundOptions> options,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    /// <summary>
    /// Webhooks processed at once. Processing is latency-bound (a handful of database round trips and grain calls
    /// each, most of the time waiting), so 8 left both cores idle while a flood's backlog grew: the profile showed
    /// under 10 % of CPU samples here while 130/s were processed against 900/s acknowledged. One conversation's
    /// messages still go through its grain one at a time.
    /// </summary>
    private const int Concurrency = 32;

    private InboundOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signalled = Parallel.ForEachAsync(
            inbox.Signals.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (pending, token) => await ProcessAsync(pending, token));
        await Task.WhenAll(signalled, SweepAsync(stoppingToken));
    }

    /// <summary>Processes one stored webhook; safe to call more than once for the same MessageSid.</summary>
    public async Task ProcessAsync(string messageSid, CancellationToken cancellationToken)
    {
        try
        {
            if (await inbox.FindPendingAsync(messageSid, cancellationToken) is { } pending)
            {
                await ProcessAsync(pending, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // The sweep finds it again on its next tick.
            LogSweepFailed(logger, ex);
        }
    }

    /// <summary>
    /// Processes a webhook as it was just stored (no read of its row); the conversation grain ignores a MessageSid it
    /// already has, so a webhook the sweep also picks up is still handled once.
    /// </summary>
    private async Task ProcessAsync(PendingInbound pending, CancellationToken cancellationToken)
    {
        var messageSid = pending.MessageSid;
        try
        {
            var parsed = TwilioInboundMessageParser.Parse(pending.Form);
            if (parsed.Value is not { } message)
            {
                // Retrying cannot help a form that does not parse: park it at once, kept for an admin, never dropped.
                var errors = string.Join("; ", parsed.Errors);
                LogUnparsable(logger, messageSid, errors);
                await inbox.RecordFailureAsync(messageSid, $"The stored webhook cannot be read: {errors}", 1, Options.PauseAfter, cancellationToken);
                await AlertParkedAsync(pending.BrokerageId, messageSid, errors);
                return;
            }

            var inbound = new InboundWhatsApp(
                message.MessageSid, message.From.E164, message.To.E164, message.ProfileName, message.Body,
                await StoreMediaAsync(pending.BrokerageId, message.Media, cancellationToken), clock.GetUtcNow());
            if (await agentNumbers.FindAgentAsync(pending.BrokerageId, inbound.ClientPhone) is { } agent)
            {
                await AgentRequests.SubmitAsync(grains, pending.BrokerageId, agent, inbound);
            }
            else
            {
                await grains.GetGrain<IConversationGrain>(ConversationKeys.For(pending.BrokerageId, inbound.ClientPhone)).ReceiveAsync(inbound);
            }

            await inbox.MarkProcessedAsync(messageSid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Stays unprocessed: the sweep tries again after a pause that grows, and parks it after the last attempt.
            LogFailed(logger, ex, messageSid);
            await RecordFailureAsync(pending, ex, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(PendingInbound pending, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            // The brokerage is the webhook's own: no read of its row is needed to alert it.
            if (await inbox.RecordFailureAsync(pending.MessageSid, $"{failure.GetType().Name}: {failure.Message}", Options.MaxAttempts, Options.PauseAfter, cancellationToken))
            {
                await AlertParkedAsync(pending.BrokerageId, pending.MessageSid, failure.Message);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or OrleansException)
        {
            // The database is the likely cause of the failure too; the row stays as it was and the sweep retries.
            LogSweepFailed(logger, ex);
        }
    }

    /// <summary>Supervisors see a parked message on the board; admins retry it from the brokerage's admin page.</summary>
    private async Task AlertParkedAsync(string brokerageId, string messageSid, string reason)
    {
        LogParked(logger, messageSid, brokerageId, reason);
        await grains.GetGrain<ITeamBoardGrain>(brokerageId).AlertRaisedAsync(new HubAlert(
            Guid.NewGuid().ToString("N"), brokerageId, AlertKinds.InboundParked,
            $"A WhatsApp message ({messageSid}) could not be processed and is parked: {reason}. It is kept; retry it from Admin once the cause is fixed.",
            clock.GetUtcNow()));
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
        using var timer = new PeriodicTimer(Options.SweepEvery);
        do
        {
            try
            {
                foreach (var sid in await inbox.ListStrandedAsync(Options.StrandedAfter, 100, stoppingToken))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound message {MessageSid} of {BrokerageId} is parked: {Reason}")]
    private static partial void LogParked(ILogger logger, string messageSid, string brokerageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {Url} could not be fetched")]
    private static partial void LogMediaFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbound sweep failed; next tick retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
