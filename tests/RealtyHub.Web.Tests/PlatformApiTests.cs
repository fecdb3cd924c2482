using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Tests;

/// <summary>Platform admins provision brokerages and their members; the rules on input and ownership hold.</summary>
[Collection(HubCollection.Name)]
public sealed class PlatformApiTests(HubWebFixture hub)
{
    [Fact]
    public async Task A_platform_admin_creates_a_brokerage_and_an_agent_who_can_then_sign_in_to_it()
    {
        await using var admin = await hub.SignInAsync(HubWebFixture.PlatformAdmin);
        var id = $"p{Guid.NewGuid():N}"[..18];
        var number = $"+9714{Random.Shared.Next(1_000_000, 9_999_999)}";

        var created = await admin.Http.PostAsJsonAsync("api/platform/brokerages", new { brokerageId = id, name = "Creek Homes", whatsAppNumbers = new[] { number } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await admin.Http.PostAsJsonAsync("api/platform/brokerages", new { brokerageId = id, name = "Creek Homes", whatsAppNumbers = new[] { number } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var email = $"agent-{id}@creek.test";
        var member = await admin.Http.PostAsJsonAsync($"api/platform/brokerages/{id}/members",
            new { email, displayName = "Cara Agent", role = "Agent", password = "Creek-Homes-2026", capacity = 4, areas = new[] { "Dubai Creek Harbour" } });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);

        await using var agent = await HubClient.SignInAsync(hub.BaseAddress, email, "Creek-Homes-2026");
        var agents = await agent.Http.GetFromJsonAsync<AgentList[]>($"api/brokerages/{id}/agents", TestJson.Options);
        Assert.Equal(4, Assert.Single(agents!).Profile.Capacity);
    }

    [Fact]
    public async Task Bad_input_a_taken_number_and_a_member_of_another_brokerage_are_refused_with_the_reason()
    {
        await using var admin = await hub.SignInAsync(HubWebFixture.PlatformAdmin);

        var bad = await admin.Http.PostAsJsonAsync("api/platform/brokerages", new { brokerageId = "Bad Id!", name = "", whatsAppNumbers = new[] { "0501234567" }, timeZoneId = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var reasons = await bad.Content.ReadAsStringAsync();
        Assert.Contains("lower-case", reasons, StringComparison.Ordinal);
        Assert.Contains("international form", reasons, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", reasons, StringComparison.Ordinal);

        var taken = await admin.Http.PostAsJsonAsync("api/platform/brokerages",
            new { brokerageId = $"t{Guid.NewGuid():N}"[..18], name = "Copycat", whatsAppNumbers = new[] { HubWebFixture.WhatsAppNumberB } });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("another brokerage", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var poach = await admin.Http.PostAsJsonAsync($"api/platform/brokerages/{HubWebFixture.BrokerageA}/members",
            new { email = HubWebFixture.AgentB, displayName = "Bruno", role = "Agent", password = "Whatever-Password-1" });
        Assert.Equal(HttpStatusCode.Conflict, poach.StatusCode);
        var roster = await hub.Grains.GetGrain<IBrokerageGrain>(HubWebFixture.BrokerageA).GetAgentsAsync();
        Assert.DoesNotContain(roster, a => a.Profile.Email == HubWebFixture.AgentB);
    }

    [Theory]
    [InlineData(HubWebFixture.OwnerA)]
    [InlineData(HubWebFixture.SupervisorA)]
    public async Task Only_platform_admins_provision(string email)
    {
        await using var caller = await hub.SignInAsync(email);

        var response = await caller.Http.PostAsJsonAsync("api/platform/brokerages", new { brokerageId = "sneaky", name = "Sneaky", whatsAppNumbers = new[] { "+97145559999" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private sealed record AgentList(AgentProfileRow Profile);

    private sealed record AgentProfileRow(int Capacity);
}
