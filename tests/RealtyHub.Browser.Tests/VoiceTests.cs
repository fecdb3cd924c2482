using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtyHub.Grains.Brokerages;
using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>
/// Voice as people use it: a supervisor listens in to a live call from the board, an agent speaks a request into the
/// browser's microphone (Chromium's fake device, recorded by MediaRecorder), and a client's voice note shows its
/// machine transcript under the player. The hub runs the native Whisper engine with a placeholder model.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class VoiceTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Supervisor_listens_in_to_a_live_call_from_the_board_and_reads_its_transcript_line_by_line()
    {
        var brokerage = await CreateBrokerageAsync();
        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(brokerage.SupervisorEmail, HubWebFixture.Password);
        await supervisor.Page.Locator("[data-nav=board]").ClickAsync();
        await Expect(supervisor.Page.GetByTestId("board-live-calls")).ToContainTextAsync("Nobody is on a call");

        var call = await hub.App.Services.GetRequiredService<EmulatedCallService>().StartCallAsync(
            new EmulatedCallRequest("+971501112233", brokerage.WhatsAppNumber, DemoRecordings.Call) { CallerName = "Sara Khan", Pace = new CallPace(2) });

        var row = supervisor.Page.Locator($"[data-testid=board-live-call][data-call={call.CallSid}]");
        await Expect(row).ToBeVisibleAsync();
        await row.GetByTestId("board-listen-in").ClickAsync();
        await Expect(supervisor.Page).ToHaveURLAsync(new Regex($"/calls/{call.CallSid}$"));
        await Expect(supervisor.Page.GetByTestId("call-view")).ToHaveAttributeAsync("data-state", "Live");
        await Expect(supervisor.Page.GetByTestId("call-line").First).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync("call-live.png");

        await call.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        await Expect(supervisor.Page.GetByTestId("call-view")).ToHaveAttributeAsync("data-state", "Ended");
        await Expect(supervisor.Page.GetByTestId("call-line")).ToHaveCountAsync(4);
        await Expect(supervisor.Page.Locator($"[data-testid=recent-call][data-call={call.CallSid}]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agent_speaks_a_request_into_the_microphone_and_follows_it_from_transcribing_on()
    {
        var brokerage = await CreateBrokerageAsync();
        await using var agent = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agent.SignInAsync(brokerage.AgentEmail, HubWebFixture.Password);
        await agent.Page.Locator("[data-nav=requests]").ClickAsync();

        await agent.Page.GetByTestId("voice-record-start").ClickAsync();
        await Expect(agent.Page.GetByTestId("voice-record")).ToHaveAttributeAsync("data-state", "recording");
        await agent.Page.WaitForTimeoutAsync(1500); // a second and a half of the fake microphone's tone
        await agent.Page.GetByTestId("voice-record-stop").ClickAsync();

        await Expect(agent.Page.GetByTestId("voice-record-error")).ToHaveCountAsync(0);
        await Expect(agent.Page).ToHaveURLAsync(new Regex("/requests/[0-9a-f]{16}$"));
        await Expect(agent.Page.Locator("[data-testid=timeline-event][data-state=Transcribing]")).ToHaveCountAsync(1);
        // A tone has no words: the request asks the agent to type it (a real model on speech would carry on by itself).
        await Expect(agent.Page.GetByTestId("request-state")).Not.ToHaveAttributeAsync("data-state", new Regex("^(Received|Transcribing)$"));
        await agent.ScreenshotAsync("voice-request.png");
    }

    [Fact]
    public async Task A_clients_voice_note_shows_its_machine_transcript_under_the_player()
    {
        var brokerage = await CreateBrokerageAsync();
        var client = "+97150" + Random.Shared.Next(1_000_000, 9_999_999);
        await hub.Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, string.Empty, "Omar", [new EmulatedMedia("audio/ogg", DemoRecordings.VoiceNote)]);
        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(brokerage.SupervisorEmail, HubWebFixture.Password);

        await supervisor.Page.GotoAsync($"inbox/{client.TrimStart('+')}");

        await Expect(supervisor.Page.GetByTestId("media-audio")).ToBeVisibleAsync();
        var transcript = supervisor.Page.GetByTestId("voice-transcript");
        await Expect(transcript).ToHaveAttributeAsync("data-status", new Regex("^(done|empty)$"));
        await Expect(transcript).ToContainTextAsync("Machine transcript");
    }

    /// <summary>A brokerage of its own with a WhatsApp/voice number, one agent (Ann) and a supervisor (Sami).</summary>
    private async Task<TestBrokerage> CreateBrokerageAsync()
    {
        var id = $"voice-{Guid.NewGuid():N}"[..20];
        var number = "+9714" + Random.Shared.Next(1_000_000, 9_999_999);
        await using var scope = hub.App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(id, new BrokerageProfile("Voice Realty", "Dubai", "Asia/Dubai", [number], TimeSpan.FromMinutes(5)));
        var agentEmail = $"ann@{id}.test";
        await provisioner.AddMemberAsync(id, new NewMember(agentEmail, "Ann Agent", HubRoles.Agent, HubWebFixture.Password,
            BrokerageProvisioner.AgentProfileFor("Ann Agent", agentEmail, 5, "Dubai Marina")));
        var supervisorEmail = $"sami@{id}.test";
        await provisioner.AddMemberAsync(id, new NewMember(supervisorEmail, "Sami Supervisor", HubRoles.Supervisor, HubWebFixture.Password));
        return new TestBrokerage(id, number, agentEmail, supervisorEmail);
    }

    private sealed record TestBrokerage(string Id, string WhatsAppNumber, string AgentEmail, string SupervisorEmail);
}
