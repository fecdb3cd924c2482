using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Hosting.Messaging;

/// <summary>
/// Sends queued WhatsApp messages through Twilio (retries on transient errors inside the client, one idempotency
/// token per message) and reports the outcome to the conversation grain, so the agent sees sent or failed. A sweep
/// sends again what a crash left without a result; the idempotency token makes that safe even if the first try
/// reached Twilio, and even when several nodes sweep at once.
/// </summary>
public sealed partial class WhatsAppSender(
    WhatsAppOutbox outbox,
    TwilioMessagingClient twilio,
    WebhookAddress webhooks,
    IGrainFactory grains,
    IConversationStore store,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<WhatsAppSender> logger) : BackgroundService
{
    /// <summary>How many messages are in flight to Twilio at once.</summary>
    private const int Concurrency = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Parallel.ForEachAsync(
            outbox.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (message, token) => await SendGuardedAsync(message, token)),
        SweepAsync(stoppingToken));

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                try
                {
                    foreach (var stranded in await store.ListUnsentAsync(now - options.Value.ResendAfter, now - options.Value.GiveUpAfter, 100, stoppingToken))
                    {
                        LogResending(logger, stranded.BrokerageId, stranded.MessageId);
                        await outbox.EnqueueAsync(stranded, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One message's trouble must never stop the sender; an unreported message is picked up by the sweep.</summary>
    private async Task SendGuardedAsync(OutboundWhatsApp message, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreported(logger, ex, message.BrokerageId, message.MessageId);
        }
    }

    private async Task SendAsync(OutboundWhatsApp message, CancellationToken cancellationToken)
    {
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.For(message.BrokerageId, message.ConversationId));
        try
        {
            var resource = await twilio.SendAsync(
                new OutboundWhatsAppMessage
                {
                    To = WhatsAppAddress.FromE164(message.ToPhone),
                    From = WhatsAppAddress.FromE164(message.FromPhone),
                    Body = message.Body,
                    ContentSid = message.TemplateSid,
                    ContentVariables = message.TemplateVariables,
                    StatusCallback = webhooks.StatusCallbackFor(message.BrokerageId, message.ConversationId, message.MessageId),
                    IdempotencyToken = message.MessageId,
                },
                cancellationToken);
            await conversation.ApplyDeliveryAsync(message.MessageId, resource.Status.ToDeliveryStatus(), resource.Sid, null, null);
        }
        catch (TwilioApiException ex)
        {
            LogRefused(logger, ex, message.BrokerageId, message.MessageId);
            await conversation.ApplyDeliveryAsync(message.MessageId, DeliveryStatus.Failed, null, ex.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (a bad number, a missing setting) fails this one message visibly; the sender keeps going.
            LogRefused(logger, ex, message.BrokerageId, message.MessageId);
            await conversation.ApplyDeliveryAsync(message.MessageId, DeliveryStatus.Failed, null, null, $"Could not send through WhatsApp: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending WhatsApp message {MessageId} of {BrokerageId} again: it has no send result")]
    private static partial void LogResending(ILogger logger, string brokerageId, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The result of WhatsApp message {MessageId} of {BrokerageId} could not be recorded; the sweep will retry")]
    private static partial void LogUnreported(ILogger logger, Exception exception, string brokerageId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbound sweep failed; next tick retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageId} of {BrokerageId} was not sent")]
    private static partial void LogRefused(ILogger logger, Exception exception, string brokerageId, string messageId);
}
