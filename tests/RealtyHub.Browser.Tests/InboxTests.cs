using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtyHub.Grains.Brokerages;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>The WhatsApp inbox as an agent uses it: a client's message arrives live, the agent answers, WhatsApp delivers.</summary>
[Collection(HubCollection.Name)]
public sealed class InboxTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Inbound_message_appears_live_for_the_online_agent_who_replies_and_sees_it_delivered()
    {
        // Arrange: a brokerage of its own with exactly one agent, so routing has only one choice.
        var brokerage = await CreateBrokerageWithOneAgentAsync();
        var client = RandomPhone("+97150");
        var conversationId = client.TrimStart('+');
        await using var browser = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await browser.SignInAsync(brokerage.AgentEmail, HubWebFixture.Password);
        await browser.Page.GetByTestId("presence-current").ClickAsync();
        await browser.Page.GetByTestId("presence-Online").ClickAsync();
        await Expect(browser.Page.GetByTestId("presence-current")).ToHaveAttributeAsync("data-presence", "Online");
        await browser.Page.Locator("[data-nav=inbox]").ClickAsync();
        await Expect(browser.Page.GetByTestId("list-empty")).ToBeVisibleAsync();

        // Act 1: the client writes on WhatsApp (through the emulator's signed webhook); the page is never reloaded.
        var sent = await Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, "Hi! Is the 2-bed in Dubai Marina still available?", "Hana Client");
        Assert.Equal(200, sent.WebhookStatusCode);

        // Assert 1: it arrives live, assigned to the only (online) agent.
        var row = browser.Page.GetByTestId($"conversation-{conversationId}");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-assigned", brokerage.AgentId);
        await Expect(row).ToContainTextAsync("Hana Client");
        await Expect(row.GetByTestId("unread-badge")).ToHaveTextAsync("1");

        // Act 2: the agent opens it and answers.
        await row.ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex($"/inbox/{conversationId}$"));
        await Expect(browser.Page.GetByTestId($"message-{sent.MessageSid}")).ToContainTextAsync("still available?");
        await Expect(browser.Page.GetByTestId("window-state")).ToHaveAttributeAsync("data-window", "open");
        await Expect(row.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        const string reply = "Hello Hana, yes it is! Would you like to view it tomorrow at 5 pm?";
        await browser.Page.GetByTestId("reply-text").FillAsync(reply);
        await browser.Page.GetByTestId("reply-send").ClickAsync();

        // Assert 2: Twilio (the emulator) got the REST call, and the bubble follows the status callbacks to Delivered.
        await Eventually.GetAsync(
            () => Task.FromResult(Emulator.GetConversation(client)),
            messages => messages.Any(m => m.Direction == EmulatedMessageDirection.OutboundApi && m.Body == reply),
            ChromiumFixture.Patience,
            "the reply in the emulator");
        var bubble = browser.Page.Locator("[data-direction=Outbound]", new() { HasText = reply });
        await Expect(bubble).ToHaveAttributeAsync("data-status", new Regex("^(Delivered|Read)$"));
        await Expect(browser.Page.GetByTestId("reply-text")).ToHaveValueAsync(string.Empty);
        await Expect(browser.Page.GetByTestId("lead-owner")).ToHaveTextAsync("You");
        await browser.ScreenshotAsync("inbox-reply-delivered.png");
    }

    [Fact]
    public async Task A_client_on_the_simulator_panel_and_an_agent_in_the_inbox_talk_live()
    {
        var brokerage = await CreateBrokerageWithOneAgentAsync();
        var client = RandomPhone("+97150");
        await using var agent = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agent.SignInAsync(brokerage.AgentEmail, HubWebFixture.Password);
        await agent.Page.GetByTestId("presence-current").ClickAsync();
        await agent.Page.GetByTestId("presence-Online").ClickAsync();
        await Expect(agent.Page.GetByTestId("presence-current")).ToHaveAttributeAsync("data-presence", "Online");
        await agent.Page.Locator("[data-nav=inbox]").ClickAsync();
        await using var simulator = await chromium.NewSessionAsync(hub.BaseAddress, output, "simulator");
        await simulator.SignInAsync(HubWebFixture.SupervisorA, HubWebFixture.Password);
        await simulator.Page.Locator("[data-nav=simulator]").ClickAsync();

        // The newcomer's demo: write as a client on the simulator panel.
        await Field(simulator.Page, "sim-phone").FillAsync(client);
        await Field(simulator.Page, "sim-name").FillAsync("Omar Client");
        await Field(simulator.Page, "sim-to").FillAsync(brokerage.WhatsAppNumber);
        await Field(simulator.Page, "sim-text").FillAsync("Do you have 3-bed villas in Arabian Ranches?");
        await simulator.Page.GetByTestId("sim-send").ClickAsync();

        var row = agent.Page.GetByTestId($"conversation-{client.TrimStart('+')}");
        await Expect(row).ToContainTextAsync("Omar Client");
        await row.ClickAsync();
        const string reply = "Yes, three of them. Shall I send you the details?";
        await agent.Page.GetByTestId("reply-text").FillAsync(reply);
        await agent.Page.GetByTestId("reply-send").ClickAsync();

        // The reply comes back to the simulated client's phone, with WhatsApp's delivery status.
        var received = simulator.Page.GetByTestId("sim-conversation").Locator(".chat-bubble", new() { HasText = reply });
        await Expect(received).ToBeVisibleAsync();
        await Expect(received.GetByTestId("sim-status")).ToHaveTextAsync(new Regex("^(delivered|read)$"));
        await simulator.ScreenshotAsync("simulator-reply-received.png");
    }

    /// <summary>The input of a MudBlazor text field, whichever element carries the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]").First;

    private TwilioEmulatorService Emulator => hub.App.Services.GetRequiredService<TwilioEmulatorService>();

    private async Task<TestBrokerage> CreateBrokerageWithOneAgentAsync()
    {
        var id = $"inbox-{Guid.NewGuid():N}"[..20];
        var number = RandomPhone("+97145");
        var email = $"agent-{Guid.NewGuid():N}@{id}.test";
        await using var scope = hub.App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(id, new BrokerageProfile("Inbox Test Realty", "Dubai", "Asia/Dubai", [number], TimeSpan.FromMinutes(5)));
        var agent = await provisioner.AddMemberAsync(id, new NewMember(email, "Ines Agent", HubRoles.Agent, HubWebFixture.Password,
            BrokerageProvisioner.AgentProfileFor("Ines Agent", email, 5, "Dubai Marina")));
        return new TestBrokerage(id, number, email, agent.Id);
    }

    private static string RandomPhone(string prefix) =>
        prefix + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record TestBrokerage(string Id, string WhatsAppNumber, string AgentEmail, string AgentId);
}
