using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using Microsoft.Extensions.DependencyInjection;

namespace RealtyHub.Web.Tests.Board;

/// <summary>The owner sets the first-response SLA and the board's alert thresholds; nobody else may.</summary>
[Collection(HubCollection.Name)]
public sealed class AlertSettingsTests(HubWebFixture hub)
{
    private static readonly string Path = $"api/brokerages/{HubWebFixture.BrokerageA}/settings/alerts";

    [Fact]
    public async Task The_owner_changes_the_sla_and_the_alert_thresholds_and_the_change_is_audited()
    {
        await using var owner = await HubClient.SignInAsync(hub.App.BaseAddress, HubWebFixture.OwnerA, HubWebFixture.Password);
        var before = await owner.Http.GetFromJsonAsync<BrokerageProfile>($"api/brokerages/{HubWebFixture.BrokerageA}/", TestJson.Options);
        try
        {
            var response = await owner.Http.PutAsJsonAsync(Path, new { firstResponseSlaMinutes = 7, leadWaitMinutes = 25, expertBacklog = 3 });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var profile = await response.Content.ReadFromJsonAsync<BrokerageProfile>(TestJson.Options);
            Assert.Equal(TimeSpan.FromMinutes(7), profile!.FirstResponseSla);
            var stored = await hub.Grains.GetGrain<IBrokerageGrain>(HubWebFixture.BrokerageA).GetProfileAsync();
            Assert.Equal(new BoardThresholds(TimeSpan.FromMinutes(25), 3), stored!.Alerts);
            Assert.Equal(before!.Templates.Length, stored.Templates.Length);
            var audit = await hub.App.Services.GetRequiredService<IAuditLog>().ListAsync(HubWebFixture.BrokerageA, 20);
            Assert.Contains(audit, e => e.Action == "brokerage.alert-settings" && e.Details == "sla=7m lead-wait=25m expert-backlog=3");
        }
        finally
        {
            await hub.Grains.GetGrain<IBrokerageGrain>(HubWebFixture.BrokerageA).ConfigureAsync(before!);
        }
    }

    [Fact]
    public async Task Out_of_range_settings_are_refused_with_the_reason()
    {
        await using var owner = await HubClient.SignInAsync(hub.App.BaseAddress, HubWebFixture.OwnerA, HubWebFixture.Password);

        var response = await owner.Http.PutAsJsonAsync(Path, new { firstResponseSlaMinutes = 0, leadWaitMinutes = 5000, expertBacklog = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("between 1 and 240 minutes", body, StringComparison.Ordinal);
        Assert.Contains("24 hours", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HubWebFixture.SupervisorA)]
    [InlineData(HubWebFixture.AgentA)]
    public async Task Only_owners_may_change_them(string email)
    {
        await using var caller = await HubClient.SignInAsync(hub.App.BaseAddress, email, HubWebFixture.Password);

        var response = await caller.Http.PutAsJsonAsync(Path, new { firstResponseSlaMinutes = 9, leadWaitMinutes = 9, expertBacklog = 9 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
