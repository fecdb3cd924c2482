using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator;

namespace RealtyHub.Integrations.Tests.Emulator;

[Collection(EmulatorCollection.Name)]
public sealed class InboundWebhookTests(EmulatorFixture fixture)
{
    private readonly string client = EmulatorFixture.NewClientNumber();

    [Fact]
    public async Task Client_message_reaches_the_hub_as_Twilio_signed_WhatsApp_form()
    {
        var result = await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Is the Marina flat free?", "Sara");

        Assert.Equal(200, result.WebhookStatusCode);
        var webhook = Assert.Single(await InboundAsync(result.MessageSid, 1));
        Assert.True(webhook.SignatureValid);
        Assert.Equal(fixture.InboundWebhookUrl.AbsoluteUri, webhook.Url);
        Assert.Equal(result.MessageSid, webhook["SmsMessageSid"]);
        Assert.Equal(result.MessageSid, webhook["SmsSid"]);
        Assert.Equal("received", webhook["SmsStatus"]);
        Assert.Equal("2010-04-01", webhook["ApiVersion"]);

        var parsed = TwilioInboundMessageParser.Parse(webhook.Form);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var message = parsed.Value;
        Assert.True(TwilioSid.IsValid(message.MessageSid, "SM"));
        Assert.Equal(EmulatorFixture.AccountSid, message.AccountSid);
        Assert.Equal(client, message.From.E164);
        Assert.Equal(EmulatorFixture.BusinessNumber, message.To.E164);
        Assert.Equal("Is the Marina flat free?", message.Body);
        Assert.Equal("Sara", message.ProfileName);
        Assert.Equal(client[1..], message.WaId);
        Assert.Empty(message.Media);
    }

    [Fact]
    public async Task Repeat_posts_the_same_MessageSid_like_Twilio_retries()
    {
        var result = await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Hello?", repeat: 3);

        Assert.Equal([200, 200, 200], result.WebhookStatusCodes);
        var posts = await InboundAsync(result.MessageSid, 3);
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.True(p.SignatureValid));
        Assert.Single(fixture.Emulator.GetConversation(client));
    }

    [Fact]
    public async Task Script_endpoint_sends_an_inbound_message_with_media()
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.PostAsJsonAsync(
            "/twilio-emulator/emulator/inbound",
            new { from = client, to = EmulatorFixture.BusinessNumber, body = "Floor plan attached", media = new[] { new { contentType = "image/png", base64 = "iVBORw0KGgo=" } }, repeat = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var sid = json.RootElement.GetProperty("messageSid").GetString()!;
        Assert.True(TwilioSid.IsValid(sid, "MM"));
        var posts = await InboundAsync(sid, 2);
        Assert.Equal("1", posts[0]["NumMedia"]);
        Assert.Equal("image/png", posts[0]["MediaContentType0"]);
        Assert.Equal("image", posts[0]["MessageType"]);
    }

    [Fact]
    public async Task Script_endpoint_explains_a_bad_number()
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.PostAsJsonAsync("/twilio-emulator/emulator/inbound", new { from = "0501234567", to = EmulatorFixture.BusinessNumber, body = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must start with '+'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_shows_both_directions_with_current_statuses()
    {
        await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Hi");
        using var hub = fixture.CreateHubServices();
        var twilio = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TwilioMessagingClient>(hub);
        var reply = await twilio.SendAsync(new OutboundWhatsAppMessage
        {
            To = WhatsAppAddress.FromE164(client),
            From = WhatsAppAddress.FromE164(EmulatorFixture.BusinessNumber),
            Body = "Hello! How can I help?",
            StatusCallback = fixture.StatusCallbackUrl,
        });
        await fixture.Webhooks.WaitForAsync(w => w["MessageSid"] == reply.Sid && w["MessageStatus"] == "read", 1);

        var conversation = fixture.Emulator.GetConversation($"whatsapp:{client}");

        Assert.Collection(
            conversation,
            m => Assert.Equal((EmulatedMessageDirection.Inbound, "Hi", TwilioMessageStatus.Received), (m.Direction, m.Body, m.Status)),
            m => Assert.Equal((EmulatedMessageDirection.OutboundApi, "Hello! How can I help?", TwilioMessageStatus.Read), (m.Direction, m.Body, m.Status)));
    }

    [Fact]
    public async Task Inbound_without_a_usable_number_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Emulator.SendInboundAsync("+1", EmulatorFixture.BusinessNumber, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, string.Empty));
    }

    private Task<IReadOnlyList<RecordedWebhook>> InboundAsync(string sid, int count) =>
        fixture.Webhooks.WaitForAsync(w => w.Path == fixture.InboundWebhookUrl.AbsolutePath && w["MessageSid"] == sid, count);
}
