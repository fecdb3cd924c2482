using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// Decides, when a message is created, how it will end, following WhatsApp's rules as Twilio reports them
/// (https://www.twilio.com/docs/whatsapp/key-concepts#the-customer-service-window).
/// </summary>
internal static class DeliveryPlanner
{
    public static IReadOnlyList<DeliveryStep> Plan(EmulatedMessage message, DateTimeOffset? lastInbound, TwilioEmulatorOptions options)
    {
        var windowOpen = lastInbound is { } at && message.DateCreated - at <= options.ConversationWindow;
        if (message.ContentSid is null && !windowOpen)
        {
            // Twilio fails these without ever sending them: no "sent" first.
            return
            [
                new(options.SentDelay, TwilioMessageStatus.Failed, TwilioErrorCodes.OutsideConversationWindow,
                    "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template."),
            ];
        }

        if (options.UndeliverableNumbers.Contains(message.ClientNumber))
        {
            return
            [
                new(options.SentDelay, TwilioMessageStatus.Sent),
                new(options.DeliveredDelay, TwilioMessageStatus.Undelivered, TwilioErrorCodes.WhatsAppUnknownRecipient,
                    "Channel could not find To address"),
            ];
        }

        List<DeliveryStep> steps =
        [
            new(options.SentDelay, TwilioMessageStatus.Sent),
            new(options.DeliveredDelay, TwilioMessageStatus.Delivered),
        ];
        if (options.SendReadReceipts)
        {
            steps.Add(new(options.ReadDelay, TwilioMessageStatus.Read));
        }

        return steps;
    }
}
