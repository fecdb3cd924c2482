using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Hosting.Messaging;

/// <summary>
/// The public address of this deployment's Twilio webhooks: <see cref="TwilioOptions.PublicBaseUrl"/> when set
/// (required behind a proxy and on headless silos), else the address this host listens on.
/// </summary>
public sealed class WebhookAddress(IOptions<TwilioOptions> options, IServer server)
{
    public const string InboundPath = "/webhooks/twilio/whatsapp";
    public const string StatusPath = "/webhooks/twilio/status";

    public Uri BaseUrl => options.Value.PublicBaseUrl ?? ListeningAddress();

    public Uri Inbound => new(BaseUrl, InboundPath);

    /// <summary>
    /// The status callback of one outbound message. Our ids ride in the query (covered by Twilio's signature),
    /// so a callback that beats the send response to us still finds its message.
    /// </summary>
    public Uri StatusCallbackFor(string brokerageId, string conversationId, string messageId) => new(
        BaseUrl,
        $"{StatusPath}?b={Uri.EscapeDataString(brokerageId)}&c={Uri.EscapeDataString(conversationId)}&m={Uri.EscapeDataString(messageId)}");

    private Uri ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Twilio:PublicBaseUrl: this host does not listen on HTTP, so it cannot name its webhooks.");
        return new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
    }
}
