using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>
/// The supervisor's team board in a real browser, changing while it is watched: presence, the queue and its chart,
/// alerts and their acknowledgement. Every test has a brokerage of its own, so the figures start from zero.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class BoardLiveTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Agent_going_offline_in_one_browser_shows_live_on_the_supervisors_board()
    {
        var brokerage = await CreateBrokerageAsync(TimeSpan.FromMinutes(5), "Zara Agent", "Adam Agent");
        var (zara, adam) = (brokerage.Agents[0], brokerage.Agents[1]);
        await using var agent = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agent.SignInAsync(zara.Email, HubWebFixture.Password);
        await ChoosePresenceAsync(agent.Page, "Online");

        await using var supervisor = await OpenBoardAsync(brokerage.Supervisors[0], "supervisor");
        var zaraOnBoard = supervisor.Page.GetByTestId($"board-presence-{zara.Email}");
        await Expect(zaraOnBoard).ToHaveAttributeAsync("data-presence", "Online");
        await Expect(AgentRows(supervisor.Page)).ToHaveCountAsync(2);
        Assert.Equal([adam.Email, zara.Email], await AgentOrderAsync(supervisor.Page));
        await supervisor.Page.GetByTestId("board-sort-Presence").ClickAsync();
        await Expect(AgentRows(supervisor.Page).First).ToHaveAttributeAsync("data-agent", zara.Email);
        await MarkPageAsync(supervisor.Page);

        await ChoosePresenceAsync(agent.Page, "Offline");

        // Never reloaded: the change reaches the board over its circuit.
        await Expect(zaraOnBoard).ToHaveAttributeAsync("data-presence", "Offline");
        await Expect(supervisor.Page.GetByTestId("board-agents-summary")).ToContainTextAsync("0 of 2 online");
        await AssertNotReloadedAsync(supervisor.Page);
        await supervisor.ScreenshotAsync("board-agent-offline.png");
    }

    [Fact]
    public async Task Inbound_whatsapp_message_moves_the_queue_and_the_inbound_chart_live_and_the_supervisor_assigns_it_from_the_board()
    {
        // The only agent is offline, so the client's conversation stays in the unassigned queue.
        var brokerage = await CreateBrokerageAsync(TimeSpan.FromMinutes(5), "Ines Agent");
        var ines = brokerage.Agents[0];
        await using var supervisor = await OpenBoardAsync(brokerage.Supervisors[0], "supervisor");
        var page = supervisor.Page;
        await Expect(page.GetByTestId("board-unassigned")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("board-chart-inbound")).ToHaveAttributeAsync("data-total", "0");
        await Expect(page.GetByTestId("board-waiting-empty")).ToBeVisibleAsync();
        await MarkPageAsync(page);

        var client = RandomPhone("+97150");
        var conversationId = ConversationKeys.LocalId(client);
        var sent = await hub.Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, "Is the Marina penthouse still for sale?", "Hana Client");
        Assert.Equal(200, sent.WebhookStatusCode);

        await Expect(page.GetByTestId("board-unassigned")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("board-unassigned-hint")).ToContainTextAsync("oldest waits");
        await Expect(page.GetByTestId("board-inbound-today")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("board-chart-inbound")).ToHaveAttributeAsync("data-total", "1");
        await Expect(page.GetByTestId("board-chart-inbound-caption")).ToContainTextAsync("1 message,");
        var waiting = page.GetByTestId($"waiting-{conversationId}");
        await Expect(waiting).ToContainTextAsync("Hana Client");
        await Expect(waiting).ToContainTextAsync("Unassigned");
        await supervisor.ScreenshotAsync("board-inbound-unassigned.png");

        // Assign it from the board: the queue empties and the agent's load grows, all without a reload.
        await page.Locator($"[data-testid=assign-{conversationId}] button, button[data-testid=assign-{conversationId}]").First.ClickAsync();
        await page.GetByTestId($"assign-{conversationId}-{ines.Id}").ClickAsync();
        await Expect(waiting).ToHaveAttributeAsync("data-assigned", ines.Id);
        await Expect(page.GetByTestId($"waiting-agent-{conversationId}")).ToHaveTextAsync("Ines Agent");
        await Expect(page.GetByTestId("board-unassigned")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId($"board-load-{ines.Email}")).ToHaveAttributeAsync("data-open", "1");
        await supervisor.ScreenshotAsync("board-assigned-from-board.png");

        // Ines answers (through the conversation grain, as the inbox does): the response time and its chart fill in.
        await hub.Grains.GetGrain<IConversationGrain>(ConversationKeys.For(brokerage.Id, client))
            .ReplyAsync(new ReplyRequest(ines.Id, $"out-{Guid.NewGuid():N}", "Yes, it is! Would you like to see it tomorrow?"));
        await Expect(page.GetByTestId("board-chart-response")).ToHaveAttributeAsync("data-points", "1");
        await Expect(page.GetByTestId("board-p50-hour")).Not.ToHaveTextAsync("—");
        await Expect(page.GetByTestId("board-waiting-empty")).ToBeVisibleAsync();
        await AssertNotReloadedAsync(page);
        await FullPageScreenshotAsync(page, "board-full.png");
    }

    [Fact]
    public async Task Lead_waiting_alert_appears_live_and_its_acknowledgement_shows_who_and_when_to_every_supervisor()
    {
        // Nobody online and a two-second lead-wait threshold: the client's message waits unassigned and the board alerts.
        var brokerage = await CreateBrokerageAsync(TimeSpan.FromMinutes(5), new BoardThresholds(TimeSpan.FromSeconds(2), 5), "Omar Agent");
        await using var first = await OpenBoardAsync(brokerage.Supervisors[0], "supervisor-1");
        await using var second = await OpenBoardAsync(brokerage.Supervisors[1], "supervisor-2");
        await Expect(first.Page.GetByTestId("board-alerts-empty")).ToBeVisibleAsync();
        await MarkPageAsync(second.Page);

        var client = RandomPhone("+97155");
        var sent = await hub.Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, "Hello, anyone there?", "Waiting Client");
        Assert.Equal(200, sent.WebhookStatusCode);

        var onFirst = first.Page.Locator($"[data-alert-kind={AlertKinds.LeadWaiting}]");
        await Expect(onFirst).ToHaveCountAsync(1);
        await Expect(onFirst).ToHaveAttributeAsync("data-acknowledged", "false");
        await Expect(onFirst).ToContainTextAsync("Waiting Client");
        await Expect(first.Page.GetByTestId("board-alerts-open")).ToHaveTextAsync("1 open");
        var alertId = await onFirst.GetAttributeAsync("data-alert-id");
        Assert.False(string.IsNullOrEmpty(alertId));
        await Expect(second.Page.GetByTestId($"alert-{alertId}")).ToBeVisibleAsync();
        await first.ScreenshotAsync("board-alert-open.png");

        await first.Page.GetByTestId($"ack-{alertId}").ClickAsync();

        var acknowledged = new Regex(@"Acknowledged by Sami Supervisor at \d{2}:\d{2}");
        await Expect(first.Page.GetByTestId($"ack-by-{alertId}")).ToHaveTextAsync(acknowledged);
        await Expect(first.Page.GetByTestId($"ack-{alertId}")).ToHaveCountAsync(0);
        // The other supervisor's board hears it live, and the board grain keeps who and when.
        await Expect(second.Page.GetByTestId($"alert-{alertId}")).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(second.Page.GetByTestId($"ack-by-{alertId}")).ToHaveTextAsync(acknowledged);
        await Expect(second.Page.GetByTestId("board-alerts-open")).ToHaveCountAsync(0);
        var stored = (await hub.Grains.GetGrain<ITeamBoardGrain>(brokerage.Id).GetAsync()).Alerts.Single(a => a.Alert.AlertId == alertId);
        Assert.Equal("Sami Supervisor", stored.AcknowledgedBy);
        Assert.NotNull(stored.AcknowledgedAt);
        await AssertNotReloadedAsync(second.Page);
        await second.ScreenshotAsync("board-alert-acknowledged.png");
    }

    private async Task<BrowserSession> OpenBoardAsync(TestMember supervisor, string name)
    {
        var session = await chromium.NewSessionAsync(hub.BaseAddress, output, name);
        await session.SignInAsync(supervisor.Email, HubWebFixture.Password);
        await session.Page.Locator("[data-nav=board]").ClickAsync();
        await Expect(session.Page.GetByTestId("board-agents")).ToBeVisibleAsync();
        return session;
    }

    private static ILocator AgentRows(IPage page) => page.Locator("[data-testid=board-agents] tbody tr[data-agent]");

    private static Task<string[]> AgentOrderAsync(IPage page) =>
        AgentRows(page).EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.agent)");

    /// <summary>The whole board, not just the viewport, next to the other screenshots.</summary>
    private async Task FullPageScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        var path = Path.Combine(BrowserSession.ScreenshotFolder, fileName);
        // From the top: the app bar is fixed and would otherwise be drawn over the middle of a scrolled page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Leaves a mark in the page's window; a reload (a new document) would lose it.</summary>
    private static async Task MarkPageAsync(IPage page) => await page.EvaluateAsync("() => { window.boardMark = 'still-here'; }");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.Equal("still-here", await page.EvaluateAsync<string?>("() => window.boardMark ?? null"));

    private static async Task ChoosePresenceAsync(IPage page, string presence)
    {
        await page.GetByTestId("presence-current").ClickAsync();
        await page.GetByTestId($"presence-{presence}").ClickAsync();
        await Expect(page.GetByTestId("presence-current")).ToHaveAttributeAsync("data-presence", presence);
    }

    /// <summary>A brokerage of its own with two supervisors (Sami, Tala) and the named agents, all offline.</summary>
    private Task<TestBrokerage> CreateBrokerageAsync(TimeSpan firstResponseSla, params string[] agentNames) =>
        CreateBrokerageAsync(firstResponseSla, BoardThresholds.Default, agentNames);

    private async Task<TestBrokerage> CreateBrokerageAsync(TimeSpan firstResponseSla, BoardThresholds alerts, params string[] agentNames)
    {
        var id = $"board-{Guid.NewGuid():N}"[..20];
        var number = RandomPhone("+97146");
        await using var scope = hub.App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(id, new BrokerageProfile("Board Test Realty", "Dubai", "Asia/Dubai", [number], firstResponseSla) { Alerts = alerts });
        var supervisors = new List<TestMember>();
        foreach (var name in new[] { "Sami Supervisor", "Tala Supervisor" })
        {
            var email = $"{name.Split(' ')[0].ToLowerInvariant()}@{id}.test";
            var user = await provisioner.AddMemberAsync(id, new NewMember(email, name, HubRoles.Supervisor, HubWebFixture.Password));
            supervisors.Add(new TestMember(user.Id, email));
        }

        var agents = new List<TestMember>();
        foreach (var name in agentNames)
        {
            var email = $"{name.Split(' ')[0].ToLowerInvariant()}@{id}.test";
            var user = await provisioner.AddMemberAsync(id, new NewMember(email, name, HubRoles.Agent, HubWebFixture.Password,
                BrokerageProvisioner.AgentProfileFor(name, email, 5, "Dubai Marina")));
            agents.Add(new TestMember(user.Id, email));
        }

        return new TestBrokerage(id, number, supervisors, agents);
    }

    private static string RandomPhone(string prefix) =>
        prefix + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record TestMember(string Id, string Email);

    private sealed record TestBrokerage(string Id, string WhatsAppNumber, IReadOnlyList<TestMember> Supervisors, IReadOnlyList<TestMember> Agents);
}
