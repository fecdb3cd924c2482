using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Voice;

[Collection(CallHubCollection.Name)]
public sealed class CallScriptEndpointTests(CallHubFixture fixture)
{
    private static readonly string ToneBase64 = Convert.ToBase64String(
        TestAudio.Wav(TestAudio.Tone(440, TimeSpan.FromMilliseconds(300), 22050), 22050, 2));

    [Fact]
    public async Task Post_with_wait_places_the_call_and_answers_its_final_state()
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.PostAsJsonAsync(
            "/twilio-emulator/emulator/calls",
            new { from = CallHubFixture.Caller, to = StandInVoiceHub.StreamNumber, wavBase64 = ToneBase64, pace = "fast", dtmf = "5", wait = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var call = json.RootElement;
        var callSid = call.GetProperty("callSid").GetString()!;
        Assert.True(TwilioSid.IsValid(callSid, "CA"));
        Assert.Equal("completed", call.GetProperty("callStatus").GetString());
        Assert.Equal(15, call.GetProperty("framesSent").GetInt32());
        Assert.True(TwilioSid.IsValid(call.GetProperty("streamSid").GetString(), "MZ"));

        using var state = await http.GetAsync($"/twilio-emulator/emulator/calls/{callSid}");
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        using var stateJson = JsonDocument.Parse(await state.Content.ReadAsStringAsync());
        Assert.Equal("completed", stateJson.RootElement.GetProperty("callStatus").GetString());
    }

    [Fact]
    public async Task Post_without_wait_answers_202_with_the_call_location_once_the_hub_answered()
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.PostAsJsonAsync(
            "/twilio-emulator/emulator/calls", new { from = CallHubFixture.Caller, to = StandInVoiceHub.BusyNumber, wavBase64 = ToneBase64, pace = 4 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var callSid = json.RootElement.GetProperty("callSid").GetString();
        Assert.Equal($"/twilio-emulator/emulator/calls/{callSid}", response.Headers.Location?.OriginalString);
        Assert.Equal(200, json.RootElement.GetProperty("webhookStatusCode").GetInt32());
    }

    [Theory]
    [InlineData("0501234567", "UklGRg==", "fast", "must start with '+'")]
    [InlineData(CallHubFixture.Caller, "not base64!", "fast", "Base-64")]
    [InlineData(CallHubFixture.Caller, "aGVsbG8gd29ybGQ=", "fast", "Not a WAV file")]
    [InlineData(CallHubFixture.Caller, null, "warp", "Pace 'warp'")]
    public async Task Bad_call_input_is_a_400_problem_naming_the_field(string from, string? wavBase64, string pace, string expected)
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.PostAsJsonAsync(
            "/twilio-emulator/emulator/calls", new { from, to = StandInVoiceHub.StreamNumber, wavBase64 = wavBase64 ?? ToneBase64, pace });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_call_is_a_404_problem()
    {
        using var http = new HttpClient { BaseAddress = fixture.EmulatorUrl };

        using var response = await http.GetAsync("/twilio-emulator/emulator/calls/CA00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Emulator_without_a_voice_webhook_answers_409()
    {
        await using var emulator = await fixture.StartEmulatorAsync(o => o.VoiceWebhookUrl = null);
        using var http = new HttpClient { BaseAddress = new Uri(emulator.Urls.First()) };

        using var response = await PostCallAsync(http);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("VoiceWebhookUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_hub_answers_502()
    {
        var closed = EmulatedCallOutcomeTests.ClosedPort();
        await using var emulator = await fixture.StartEmulatorAsync(o => o.VoiceWebhookUrl = new Uri($"http://127.0.0.1:{closed}/voice"));
        using var http = new HttpClient { BaseAddress = new Uri(emulator.Urls.First()) };

        using var response = await PostCallAsync(http);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> PostCallAsync(HttpClient http) =>
        http.PostAsJsonAsync("/twilio-emulator/emulator/calls", new { from = CallHubFixture.Caller, to = StandInVoiceHub.StreamNumber, wavBase64 = ToneBase64, pace = "fast" });
}
