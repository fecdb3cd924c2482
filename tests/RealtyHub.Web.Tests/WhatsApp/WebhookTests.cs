using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Leads;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Webhooks;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>The inbound webhook: authenticated by signature, idempotent on MessageSid, acknowledged once stored.</summary>
[Collection(HubCollection.Name)]
public sealed class WebhookTests(HubWebFixture hub)
{
    private const string Path = "webhooks/twilio/whatsapp";

    [Fact]
    public async Task Signed_message_is_acknowledged_with_empty_twiml_and_lands_in_a_new_conversation_and_lead()
    {
        var client = RandomPhone();
        var form = InboundForm(client, "Hello, I saw the Palm villa listing");

        var response = await PostSignedAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync());
        var view = await WaitForConversationAsync(client, form["MessageSid"]);
        Assert.Equal("Layla Test", view.Summary.ClientName);
        var lead = await hub.Grains.GetGrain<ILeadGrain>(GrainKeys.For(HubWebFixture.BrokerageA, view.Summary.LeadId!)).GetAsync();
        Assert.Equal("WhatsApp", lead!.Details.Source);
        Assert.Equal("Layla Test", lead.Details.Name);
        Assert.Equal(client, lead.Details.Phone);
    }

    [Fact]
    public async Task Twilio_retrying_the_same_message_ten_times_stores_it_once()
    {
        var client = RandomPhone();

        var sent = await hub.Emulator.SendInboundAsync(client, DemoDataSeeder.DemoWhatsAppNumber, "Is the JVC townhouse still free?", "Retry Test", null, repeat: 10);

        Assert.Equal(10, sent.WebhookStatusCodes.Count);
        Assert.All(sent.WebhookStatusCodes, code => Assert.Equal(200, code));
        var view = await WaitForConversationAsync(client, sent.MessageSid);
        Assert.Single(view.RecentMessages, m => m.MessageId == sent.MessageSid);
        await using var connection = new NpgsqlConnection(ConnectionString());
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*)::int from messages where message_id = @sid", new { sid = sent.MessageSid }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*)::int from inbound_webhooks where message_sid = @sid", new { sid = sent.MessageSid }));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("missing")]
    [InlineData("other-url")]
    [InlineData("other-token")]
    public async Task Unauthenticated_webhooks_get_403_and_nothing_is_stored(string how)
    {
        var form = InboundForm(RandomPhone(), "Let me in");
        var url = new Uri(hub.BaseAddress, Path).ToString();
        var signature = how switch
        {
            "forged" => "bm90LWEtcmVhbC1zaWduYXR1cmU=",
            "missing" => null,
            "other-url" => TwilioSignature.Compute(DemoTwilio.AuthToken, url.Replace("whatsapp", "status", StringComparison.Ordinal), form),
            _ => TwilioSignature.Compute("someone-elses-token", url, form),
        };

        var response = await PostAsync(form, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Twilio-Signature", await response.Content.ReadAsStringAsync());
        await using var connection = new NpgsqlConnection(ConnectionString());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*)::int from inbound_webhooks where message_sid = @sid", new { sid = form["MessageSid"] }));
    }

    [Fact]
    public async Task Signature_made_for_the_url_without_its_port_is_accepted()
    {
        var form = InboundForm(RandomPhone(), "Signed without the port");
        var withoutPort = new UriBuilder(new Uri(hub.BaseAddress, Path)) { Port = -1 }.Uri.ToString();

        var response = await PostAsync(form, TwilioSignature.Compute(DemoTwilio.AuthToken, withoutPort, form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Message_to_a_number_no_brokerage_uses_gets_404_with_the_reason()
    {
        var form = InboundForm(RandomPhone(), "Hello?", to: "+14155550000");

        var response = await PostSignedAsync(form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("+14155550000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_but_malformed_message_gets_400_with_the_reason()
    {
        var form = InboundForm(RandomPhone(), "No sender");
        form["From"] = "not-a-number";

        var response = await PostSignedAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("From", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Acknowledged_message_left_unprocessed_by_a_crash_is_picked_up_by_the_sweep()
    {
        var client = RandomPhone();
        var form = InboundForm(client, "Sent just before the crash");
        // What a crash between the acknowledgement and processing leaves behind: a stored row and no signal.
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.ExecuteAsync(
                "insert into inbound_webhooks (message_sid, brokerage_id, payload, received_at) values (@sid, @b, @payload::jsonb, now() - interval '1 minute')",
                new { sid = form["MessageSid"], b = HubWebFixture.BrokerageA, payload = System.Text.Json.JsonSerializer.Serialize(form.Select(f => new[] { f.Key, f.Value })) });
        }

        var view = await WaitForConversationAsync(client, form["MessageSid"], timeout: new InboundOptions().SweepEvery * 3);

        Assert.Equal("Sent just before the crash", view.RecentMessages.Single().Body);
    }

    private static string RandomPhone() => $"+97155{Random.Shared.Next(1_000_000, 9_999_999)}";

    private static Dictionary<string, string> InboundForm(string from, string body, string to = DemoDataSeeder.DemoWhatsAppNumber) => new()
    {
        ["MessageSid"] = TwilioSid.Create("SM"),
        ["SmsMessageSid"] = TwilioSid.Create("SM"),
        ["AccountSid"] = DemoTwilio.AccountSid,
        ["From"] = "whatsapp:" + from,
        ["To"] = "whatsapp:" + to,
        ["Body"] = body,
        ["ProfileName"] = "Layla Test",
        ["WaId"] = from.TrimStart('+'),
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["SmsStatus"] = "received",
        ["ApiVersion"] = "2010-04-01",
    };

    private Task<HttpResponseMessage> PostSignedAsync(Dictionary<string, string> form) =>
        PostAsync(form, TwilioSignature.Compute(DemoTwilio.AuthToken, new Uri(hub.BaseAddress, Path).ToString(), form));

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string? signature)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature);
        }

        return await http.SendAsync(request);
    }

    private async Task<ConversationView> WaitForConversationAsync(string client, string messageSid, TimeSpan? timeout = null) =>
        (await Eventually.GetAsync(
            () => hub.Grains.GetGrain<IConversationGrain>(ConversationKeys.For(HubWebFixture.BrokerageA, client)).GetAsync(),
            v => v?.RecentMessages.Any(m => m.MessageId == messageSid) == true,
            timeout ?? TimeSpan.FromSeconds(20),
            $"message {messageSid}"))!;

    private string ConnectionString() =>
        hub.App.Services.GetRequiredService<RealtyHub.Hosting.Database.HubDatabase>().ConnectionString;
}
