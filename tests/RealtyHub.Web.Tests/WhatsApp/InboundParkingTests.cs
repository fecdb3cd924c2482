using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Webhooks;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>An acknowledged webhook that cannot be processed is kept, parked for an admin with the reason, and retried on demand.</summary>
[Collection(HubCollection.Name)]
public sealed class InboundParkingTests(HubWebFixture hub)
{
    [Fact]
    public async Task An_unreadable_stored_webhook_is_parked_shown_to_admins_with_the_reason_and_alerted_on_the_board()
    {
        var sid = $"SM{Guid.NewGuid():N}";
        await hub.StoreUnreadableWebhookAsync(HubWebFixture.BrokerageA, sid);
        await using var owner = await hub.SignInAsync(HubWebFixture.OwnerA);

        var parked = await owner.Http.GetFromJsonAsync<ParkedInbound[]>($"api/brokerages/{HubWebFixture.BrokerageA}/inbound/parked", TestJson.Options);

        var row = Assert.Single(parked!, p => p.MessageSid == sid);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("cannot be read", row.LastError, StringComparison.Ordinal);
        var board = await Eventually.GetAsync(
            () => hub.Grains.GetGrain<ITeamBoardGrain>(HubWebFixture.BrokerageA).GetAsync(),
            b => b.Alerts.Any(a => a.Alert.Kind == AlertKinds.InboundParked && a.Alert.Message.Contains(sid, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the parked-message alert");
        Assert.Contains("is parked", board.Alerts.First(a => a.Alert.Kind == AlertKinds.InboundParked && a.Alert.Message.Contains(sid, StringComparison.Ordinal)).Alert.Message, StringComparison.Ordinal);

        var retry = await owner.Http.PostAsync(new Uri($"api/brokerages/{HubWebFixture.BrokerageA}/inbound/{sid}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var unknown = await owner.Http.PostAsync(new Uri($"api/brokerages/{HubWebFixture.BrokerageA}/inbound/SMnothing/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Still unreadable: the retry parks it again rather than dropping it.
        var again = await Eventually.GetAsync(
            () => owner.Http.GetFromJsonAsync<ParkedInbound[]>($"api/brokerages/{HubWebFixture.BrokerageA}/inbound/parked", TestJson.Options),
            list => list!.Any(p => p.MessageSid == sid && p.ParkedAt > row.ParkedAt), TimeSpan.FromSeconds(10), "the message parked again");
        Assert.Equal(1, again!.Single(p => p.MessageSid == sid).Attempts);
    }

    [Fact]
    public async Task Agents_and_supervisors_cannot_see_or_retry_parked_messages()
    {
        foreach (var email in new[] { HubWebFixture.AgentA, HubWebFixture.SupervisorA })
        {
            await using var caller = await hub.SignInAsync(email);
            var response = await caller.Http.GetAsync(new Uri($"api/brokerages/{HubWebFixture.BrokerageA}/inbound/parked", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public void Pauses_between_attempts_double_up_to_the_cap()
    {
        var options = new InboundOptions { RetryBase = TimeSpan.FromSeconds(10), RetryMax = TimeSpan.FromMinutes(10) };

        Assert.Equal(
            [10, 20, 40, 80, 160, 320, 600, 600],
            Enumerable.Range(1, 8).Select(a => (int)options.PauseAfter(a).TotalSeconds));
    }
}
