using System.Text.Json;

namespace RealtyHub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class OperationalEndpointTests(HubWebFixture hub)
{
    [Fact]
    public async Task Liveness_and_readiness_report_postgres_and_the_cluster()
    {
        await using var probe = HubClient.Anonymous(hub.BaseAddress);

        var live = await probe.Http.GetAsync("health/live");
        var ready = await probe.Http.GetFromJsonAsync<JsonElement>("health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Prometheus_endpoint_exports_our_meter_orleans_and_aspnetcore()
    {
        await using var user = await hub.SignInAsync(HubWebFixture.AgentA);
        await using var scraper = HubClient.Anonymous(hub.BaseAddress);

        // Prometheus export is pull-based and cached briefly; the sign-in counter appears once recorded and scraped.
        var metrics = await Eventually.GetAsync(
            () => scraper.Http.GetStringAsync("metrics"),
            text => text.Contains("realtyhub_auth_sign_ins", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the sign-in counter in /metrics");

        Assert.Contains("outcome=\"succeeded\"", metrics);
        Assert.Contains("http_server_request_duration", metrics);
        Assert.Contains("orleans_", metrics);
    }
}
