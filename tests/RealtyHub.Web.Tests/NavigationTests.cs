using System.Text.RegularExpressions;

namespace RealtyHub.Web.Tests;

/// <summary>Each role sees the console areas it may use, and only those; the pages enforce the same rule.</summary>
[Collection(HubCollection.Name)]
public sealed partial class NavigationTests(HubWebFixture hub)
{
    public static TheoryData<string, string[]> NavigationByRole => new()
    {
        { HubWebFixture.AgentA, ["home", "inbox", "calls", "requests", "knowledge", "simulator"] },
        { HubWebFixture.SupervisorA, ["home", "inbox", "calls", "requests", "knowledge", "board", "team", "experts", "simulator"] },
        { HubWebFixture.OwnerA, ["home", "inbox", "calls", "requests", "knowledge", "board", "team", "experts", "admin", "compliance", "simulator"] },
        { HubWebFixture.ExpertA, ["home", "knowledge", "experts", "simulator"] },
        { HubWebFixture.PlatformAdmin, ["home", "admin", "compliance", "simulator"] },
    };

    public static TheoryData<string, string> ForbiddenPages => new()
    {
        { HubWebFixture.AgentA, "board" },
        { HubWebFixture.AgentA, "team" },
        { HubWebFixture.AgentA, "admin" },
        { HubWebFixture.AgentA, "compliance" },
        { HubWebFixture.AgentA, "experts" },
        { HubWebFixture.ExpertA, "inbox" },
        { HubWebFixture.ExpertA, "calls" },
        { HubWebFixture.SupervisorA, "admin" },
        { HubWebFixture.SupervisorA, "compliance" },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_sees_only_its_navigation(string email, string[] expected)
    {
        await using var user = await hub.SignInAsync(email);

        var html = await user.Http.GetStringAsync("");

        var shown = NavItem().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_can_open_every_page_its_navigation_shows(string email, string[] expected)
    {
        await using var user = await hub.SignInAsync(email);

        foreach (var page in expected.Where(p => p != "home"))
        {
            var response = await user.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} opening /{page}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(ForbiddenPages))]
    public async Task Pages_outside_a_role_are_denied(string email, string page)
    {
        await using var user = await hub.SignInAsync(email);

        var response = await user.Http.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [GeneratedRegex("data-nav=\"([a-z]+)\"")]
    private static partial Regex NavItem();
}
