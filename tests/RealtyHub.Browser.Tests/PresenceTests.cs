using Microsoft.Playwright;
using RealtyHub.Web.Identity;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>Agent presence as people use it: the app-bar menu, and the supervisor's live board.</summary>
[Collection(HubCollection.Name)]
public sealed class PresenceTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Agent_sets_presence_to_away_and_it_is_still_away_after_reload()
    {
        // A fresh agent (starts Offline), so no other test's presence changes leak in.
        var agent = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var browser = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await browser.SignInAsync(agent, HubWebFixture.Password);
        var myPresence = browser.Page.GetByTestId("presence-current");
        await Expect(myPresence).ToHaveAttributeAsync("data-presence", "Offline");

        await ChoosePresenceAsync(browser.Page, "Away");
        await Expect(myPresence).ToHaveAttributeAsync("data-presence", "Away");

        // A new page and a new circuit: Away now comes from the agent grain, not from the old component's memory.
        await browser.Page.ReloadAsync();
        await browser.WaitUntilLiveAsync();
        await Expect(myPresence).ToHaveAttributeAsync("data-presence", "Away");
        await browser.ScreenshotAsync("presence-away.png");
    }

    [Fact]
    public async Task Supervisor_board_shows_an_agents_presence_change_live()
    {
        var agent = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(HubWebFixture.SupervisorA, HubWebFixture.Password);
        await supervisor.Page.Locator("[data-nav=board]").ClickAsync();
        var agentOnBoard = supervisor.Page.GetByTestId($"board-presence-{agent}");
        await Expect(agentOnBoard).ToHaveAttributeAsync("data-presence", "Offline");

        await using var agentBrowser = await chromium.NewSessionAsync(hub.BaseAddress, output, "agent");
        await agentBrowser.SignInAsync(agent, HubWebFixture.Password);
        await ChoosePresenceAsync(agentBrowser.Page, "Busy");
        await Expect(agentBrowser.Page.GetByTestId("presence-current")).ToHaveAttributeAsync("data-presence", "Busy");

        // The supervisor's page is never reloaded: the change has to arrive over the board's circuit.
        await Expect(agentOnBoard).ToHaveAttributeAsync("data-presence", "Busy");
        await supervisor.ScreenshotAsync("board-agent-busy.png");
    }

    /// <summary>Opens the app-bar presence menu and picks an option, as an agent does with the mouse.</summary>
    private static async Task ChoosePresenceAsync(IPage page, string presence)
    {
        await page.GetByTestId("presence-current").ClickAsync();
        await page.GetByTestId($"presence-{presence}").ClickAsync();
    }
}
