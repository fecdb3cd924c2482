using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Hosting.Messaging;

/// <summary>
/// Sends queued WhatsApp messages through Twilio (retries on transient errors inside the client, one idempotency
/// token per message) and reports the outcome to the conversation grain, so the agent sees sent or failed.
/// </summary>
public sealed partial class WhatsAppSender(
    WhatsAppOutbox outbox,
    TwilioMessagingClient twilio,
    WebhookAddress webhooks,
    IGrainFactory grains,
    ILogger<WhatsAppSender> logger) : BackgroundService
{
    /// <summary>How many messages are in flight to Twilio at once.</summary>
    private const int Concurrency = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            outbox.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (message, token) => await SendAsync(message, token));

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
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            LogRefused(logger, ex, message.BrokerageId, message.MessageId);
            await conversation.ApplyDeliveryAsync(message.MessageId, DeliveryStatus.Failed, null, null, $"Could not reach WhatsApp: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageId} of {BrokerageId} was not sent")]
    private static partial void LogRefused(ILogger logger, Exception exception, string brokerageId, string messageId);
}
