using RealtyHub.Grains.Agents;

namespace RealtyHub.Web.Tests;

/// <summary>
/// The zero-setup default: no connection string, so the hub provisions its own PostgreSQL under its data folder,
/// seeds the demo, and keeps everything across a stop and a start.
/// </summary>
public sealed class EmbeddedPostgresRestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "realtyhub-embedded", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Hub_on_its_private_postgres_keeps_demo_data_and_presence_across_a_restart()
    {
        var port = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string agentId;

        await using (var first = StartHub(port))
        {
            await using var agent = await HubClient.SignInAsync(first.BaseAddress, HubWebFixture.AgentA, HubWebFixture.Password);
            agentId = agent.Caller!.UserId;
            var set = await agent.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agentId}/presence", new { presence = "Busy" });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")), "The hub created its PostgreSQL data folder.");
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")), "The hub stopped its PostgreSQL on shutdown.");

        await using var second = StartHub(port);
        await using var again = await HubClient.SignInAsync(second.BaseAddress, HubWebFixture.AgentA, HubWebFixture.Password);
        var me = await again.Http.GetFromJsonAsync<AgentSnapshot>($"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agentId}", TestJson.Options);
        var leads = await again.Http.GetFromJsonAsync<object[]>($"api/brokerages/{HubWebFixture.BrokerageA}/leads?limit=200", TestJson.Options);

        Assert.Equal(AgentPresence.Busy, me!.Presence);
        Assert.Equal(30, leads!.Length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private HubWebApp StartHub(string port)
    {
        var settings = HubWebApp.SettingsFor(connectionString: null, "embedded");
        settings["RealtyHub:Postgres:DataDirectory"] = _dataDirectory;
        settings["RealtyHub:Postgres:Port"] = port;
        return new HubWebApp(settings);
    }
}
