using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using RealtyHub.Integrations.Twilio;
using RealtyHub.Web.Demo;

namespace RealtyHub.Web.Tests.Voice;

/// <summary>Twilio's voice webhook and the media stream endpoint: only Twilio gets in, and only to streams the hub started.</summary>
[Collection(HubCollection.Name)]
public sealed class VoiceWebhookTests(HubWebFixture hub)
{
    private const string Path = "webhooks/twilio/voice";

    [Fact]
    public async Task Unsigned_voice_webhook_is_refused()
    {
        var response = await PostAsync(CallForm(NewCallSid(), DemoDataSeeder.DemoWhatsAppNumber), signature: "forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Call_to_a_number_no_brokerage_uses_hears_that_it_is_not_in_service()
    {
        var response = await PostSignedAsync(CallForm(NewCallSid(), "+97145559999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not in service", twiml.Root!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(twiml.Root.Element("Hangup"));
    }

    [Fact]
    public async Task Call_is_answered_with_a_stream_the_hub_started_and_a_stream_with_another_token_is_refused()
    {
        var callSid = NewCallSid();

        var response = await PostSignedAsync(CallForm(callSid, DemoDataSeeder.DemoWhatsAppNumber));

        var stream = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Connect")!.Element("Stream")!;
        var url = new Uri(stream.Attribute("url")!.Value);
        Assert.Equal("ws", url.Scheme);
        Assert.StartsWith($"/voice/streams/{HubWebFixture.BrokerageA}/{callSid}/", url.AbsolutePath, StringComparison.Ordinal);

        await using var supervisor = await HubClient.SignInAsync(hub.BaseAddress, HubWebFixture.SupervisorA, HubWebFixture.Password);
        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"api/brokerages/{HubWebFixture.BrokerageA}/calls/{callSid}");
        Assert.Equal("Ringing", call.GetProperty("state").GetString());

        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        var forged = await http.GetAsync($"voice/streams/{HubWebFixture.BrokerageA}/{callSid}/{Convert.ToBase64String(new byte[32]).TrimEnd('=')}");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherBrokerage = await http.GetAsync(url.AbsolutePath.Replace(HubWebFixture.BrokerageA, HubWebFixture.BrokerageB, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, otherBrokerage.StatusCode);

        // The right token is not enough: Twilio signs the upgrade over the stream URL, and an unsigned one is refused.
        var unsigned = await http.GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        using var signedPlainGet = new HttpRequestMessage(HttpMethod.Get, url.AbsolutePath);
        signedPlainGet.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(DemoTwilio.AuthToken, url.ToString(), []));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(signedPlainGet)).StatusCode);
    }

    [Fact]
    public async Task A_repeated_voice_webhook_finds_the_call_it_already_answered()
    {
        var callSid = NewCallSid();
        var form = CallForm(callSid, DemoDataSeeder.DemoWhatsAppNumber);

        var first = await (await PostSignedAsync(form)).Content.ReadAsStringAsync();
        var second = await (await PostSignedAsync(form)).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        await using var supervisor = await HubClient.SignInAsync(hub.BaseAddress, HubWebFixture.SupervisorA, HubWebFixture.Password);
        var calls = await supervisor.Http.GetFromJsonAsync<JsonElement>($"api/brokerages/{HubWebFixture.BrokerageA}/calls");
        Assert.Single(calls.GetProperty("live").EnumerateArray(), c => c.GetProperty("callSid").GetString() == callSid);
    }

    internal static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    private static Dictionary<string, string> CallForm(string callSid, string to) => new()
    {
        ["CallSid"] = callSid,
        ["AccountSid"] = DemoTwilio.AccountSid,
        ["From"] = "+9715" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = to,
        ["CallStatus"] = "ringing",
        ["Direction"] = "inbound",
        ["ApiVersion"] = "2010-04-01",
    };

    private Task<HttpResponseMessage> PostSignedAsync(Dictionary<string, string> form) =>
        PostAsync(form, TwilioSignature.Compute(DemoTwilio.AuthToken, new Uri(hub.BaseAddress, Path).ToString(), form));

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string signature)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await http.SendAsync(request);
    }
}
