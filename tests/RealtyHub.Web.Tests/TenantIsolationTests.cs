using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Agents;
using RealtyHub.Web.Realtime;

namespace RealtyHub.Web.Tests;

/// <summary>A user of brokerage A can neither see nor touch brokerage B, through any endpoint or hub method.</summary>
[Collection(HubCollection.Name)]
public sealed class TenantIsolationTests(HubWebFixture hub)
{
    public static readonly string[] CallersOfA = [HubWebFixture.AgentA, HubWebFixture.SupervisorA, HubWebFixture.OwnerA];

    public static TheoryData<string, string> ApiMatrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in CallersOfA)
        {
            foreach (var probe in TenantMatrix.Probes)
            {
                data.Add(caller, probe.ToString());
            }
        }

        return data;
    }

    public static TheoryData<string, string> HubMatrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in CallersOfA)
        {
            foreach (var method in ScopedHubMethods())
            {
                data.Add(caller, method.Name);
            }
        }

        return data;
    }

    private TenantMatrix.Target B => new(HubWebFixture.BrokerageB, hub.AgentBId, HubWebFixture.LeadB, HubWebFixture.ConversationB, hub.MediaBId, HubWebFixture.AlertB, HubWebFixture.RequestB, hub.ExpertBId);

    [Fact]
    public void Every_api_endpoint_is_brokerage_scoped_and_probed_or_acts_only_on_the_caller()
    {
        var endpoints = hub.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => (Method: method, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        Assert.NotEmpty(endpoints);
        var webhooks = hub.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/webhooks", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"));
        Assert.All(webhooks, w => Assert.Contains(w, TenantMatrix.SignatureAuthenticated));

        foreach (var (method, pattern) in endpoints)
        {
            var key = $"{method} {pattern}";
            if (pattern.Contains("{brokerageId}", StringComparison.Ordinal))
            {
                Assert.True(TenantMatrix.Probes.Any(p => p.ToString() == key), $"No tenant probe for {key}: add one to {nameof(TenantMatrix)}.");
            }
            else
            {
                Assert.True(TenantMatrix.CallerScopedApi.Contains(key), $"{key} carries no brokerage and is not a caller-only endpoint.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ApiMatrix))]
    public async Task User_of_brokerage_A_gets_not_found_for_brokerage_B_endpoints(string callerEmail, string probeName)
    {
        var probe = TenantMatrix.Probes.Single(p => p.ToString() == probeName);
        await using var caller = await hub.SignInAsync(callerEmail);

        var response = await SendAsync(caller, probe, B);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"{callerEmail} → {probe}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await AssertAgentBUntouchedAsync();
    }

    [Fact]
    public async Task The_same_probes_succeed_for_the_owner_of_brokerage_B()
    {
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerB);
        var others = new Dictionary<string, HubClient>();
        try
        {
            foreach (var probe in TenantMatrix.Probes)
            {
                if (probe.As is { } email && !others.ContainsKey(email))
                {
                    others[email] = await hub.SignInAsync(email);
                }

                var response = await SendAsync(probe.As is null ? owner : others[probe.As], probe, B);
                var reached = probe.As is null
                    ? response.IsSuccessStatusCode
                    : response.StatusCode != HttpStatusCode.NotFound && (int)response.StatusCode < 500;
                Assert.True(reached, $"{probe}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        finally
        {
            foreach (var client in others.Values)
            {
                await client.DisposeAsync();
            }
        }

        var restore = await owner.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageB}/agents/{hub.AgentBId}/presence", new { presence = "Offline" });
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HubMatrix))]
    public async Task User_of_brokerage_A_is_refused_every_hub_method_on_brokerage_B(string callerEmail, string methodName)
    {
        var method = ScopedHubMethods().Single(m => m.Name == methodName);
        await using var caller = await hub.SignInAsync(callerEmail);
        var connection = await caller.ConnectAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => InvokeAsync(connection, method, B));

        Assert.Contains("not found", refused.Message, StringComparison.OrdinalIgnoreCase);
        await AssertAgentBUntouchedAsync();
    }

    [Fact]
    public async Task The_same_hub_calls_succeed_for_the_owner_of_brokerage_B()
    {
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerB);
        var connection = await owner.ConnectAsync();

        foreach (var method in ScopedHubMethods())
        {
            await InvokeAsync(connection, method, B);
        }

        await connection.InvokeAsync<AgentSnapshot>(nameof(ConsoleHub.SetPresence), HubWebFixture.BrokerageB, hub.AgentBId, AgentPresence.Offline);
    }

    [Fact]
    public async Task Live_events_of_brokerage_B_never_reach_a_console_of_brokerage_A()
    {
        await using var supervisorA = await hub.SignInAsync(HubWebFixture.SupervisorA);
        await using var supervisorB = await hub.SignInAsync(HubWebFixture.SupervisorB);
        var seenByA = new List<AgentSnapshot>();
        var aHeardOwnAgent = new TaskCompletionSource<AgentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHeardOwnAgent = new TaskCompletionSource<AgentSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connectionA = await supervisorA.ConnectAsync();
        var connectionB = await supervisorB.ConnectAsync();
        var agentA = await HubWebFixture.FindAgentAsync(supervisorA, HubWebFixture.BrokerageA, HubWebFixture.AgentA);
        connectionA.On<AgentSnapshot>(nameof(IConsoleClient.AgentChanged), a =>
        {
            lock (seenByA)
            {
                seenByA.Add(a);
            }

            if (a.AgentId == agentA.AgentId)
            {
                aHeardOwnAgent.TrySetResult(a);
            }
        });
        connectionB.On<AgentSnapshot>(nameof(IConsoleClient.AgentChanged), a => bHeardOwnAgent.TrySetResult(a));

        // B's event first, and only once B has heard it does A's own event go out: by the time A hears its own
        // agent, B's event had every chance to reach A had it been routed there.
        await supervisorB.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageB}/agents/{hub.AgentBId}/presence", new { presence = "Away" });
        await bHeardOwnAgent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var next = agentA.Presence == AgentPresence.Busy ? "Online" : "Busy";
        await supervisorA.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents/{agentA.AgentId}/presence", new { presence = next });
        await aHeardOwnAgent.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (seenByA)
        {
            Assert.All(seenByA, a => Assert.Equal(HubWebFixture.BrokerageA, a.BrokerageId));
        }

        await supervisorB.Http.PutAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageB}/agents/{hub.AgentBId}/presence", new { presence = "Offline" });
    }

    private static IEnumerable<MethodInfo> ScopedHubMethods() =>
        typeof(ConsoleHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetParameters().Any(p => p.Name == "brokerageId"));

    private static Task<object?> InvokeAsync(HubConnection connection, MethodInfo method, TenantMatrix.Target target)
    {
        var arguments = method.GetParameters().Select(p => TenantMatrix.ArgumentFor(p.Name!, target)).ToArray();
        var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);
        return connection.InvokeCoreAsync(method.Name, returns, arguments);
    }

    private static async Task<HttpResponseMessage> SendAsync(HubClient client, TenantMatrix.Probe probe, TenantMatrix.Target target)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path(target));
        if (probe.Body?.Invoke(target) is { } body)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return await client.Http.SendAsync(request);
    }

    private async Task AssertAgentBUntouchedAsync()
    {
        await using var ownerB = await hub.SignInAsync(HubWebFixture.OwnerB);
        var agentB = await HubWebFixture.FindAgentAsync(ownerB, HubWebFixture.BrokerageB, HubWebFixture.AgentB);
        Assert.NotEqual(AgentPresence.Busy, agentB.Presence);
    }
}
