using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RealtyHub.Grains.Conversations;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>WhatsApp's rules on replies: the 24-hour window with template fallback, and opt-out/opt-in.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class ReplyRulesTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task Reply_inside_the_window_reaches_the_client_and_shows_delivered()
    {
        var (brokerage, client, agent) = await StartConversationAsync("Is the Dubai Hills villa available?");

        var reply = await ReplyAsync(agent, brokerage, client, new { body = "Yes! Would Saturday suit you for a viewing?" });

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var outbound = await WaitForClientToReceiveAsync(client, m => m.Body == "Yes! Would Saturday suit you for a viewing?");
        Assert.Equal(TwilioMessageStatus.Delivered, (await WaitForStatusAsync(client, outbound.Sid, TwilioMessageStatus.Delivered)).Status);
        await Eventually.GetAsync(
            () => hub.Conversation(brokerage, client).GetAsync(),
            v => v!.RecentMessages.Any(m => m.Direction == MessageDirection.Outbound && m.Status is DeliveryStatus.Delivered or DeliveryStatus.Read),
            TimeSpan.FromSeconds(20),
            "the delivered status on the agent's side");
    }

    [Fact]
    public async Task After_24_hours_free_text_is_refused_and_an_approved_template_is_sent_instead()
    {
        var (brokerage, client, _) = await StartConversationAsync("Please call me about JVC");
        hub.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        // A day later the old sign-in has expired as well; the agent signs in again.
        await using var agent = await hub.SignInAsync($"solo@{brokerage.Id}.test");

        var freeText = await ReplyAsync(agent, brokerage, client, new { body = "Sorry for the delay!" });
        var template = await ReplyAsync(agent, brokerage, client, new
        {
            templateSid = "HX11111111111111111111111111111111",
            variables = new Dictionary<string, string> { ["1"] = "Client", ["2"] = "JVC" },
        });

        Assert.Equal(HttpStatusCode.Conflict, freeText.StatusCode);
        Assert.Contains("24-hour", await freeText.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, template.StatusCode);
        var received = await WaitForClientToReceiveAsync(client, m => m.ContentSid == "HX11111111111111111111111111111111");
        Assert.DoesNotContain(hub.Emulator.GetConversation(client), m => m.Body == "Sorry for the delay!");
        Assert.Equal(TwilioMessageStatus.Delivered, (await WaitForStatusAsync(client, received.Sid, TwilioMessageStatus.Delivered)).Status);
    }

    [Fact]
    public async Task Stop_blocks_every_reply_with_a_visible_reason_and_start_allows_them_again()
    {
        var (brokerage, client, agent) = await StartConversationAsync("Interested in Business Bay");

        var stopped = await hub.ClientWritesAsync(brokerage, client, "STOP");
        Assert.True(stopped.Summary.OptedOut);
        Assert.Null(stopped.Summary.FirstResponseDueAt);
        var blocked = await ReplyAsync(agent, brokerage, client, new { body = "Just one more thing..." });
        var blockedTemplate = await ReplyAsync(agent, brokerage, client, new { templateSid = "HX11111111111111111111111111111111" });
        await hub.ClientWritesAsync(brokerage, client, "START");
        var allowed = await ReplyAsync(agent, brokerage, client, new { body = "Welcome back!" });

        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("opted out", await blocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, blockedTemplate.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        await using var connection = new NpgsqlConnection(hub.App.Services.GetRequiredService<RealtyHub.Hosting.Database.HubDatabase>().ConnectionString);
        var consent = (await connection.QueryAsync<string>(
            "select action from audit_events where brokerage_id = @b and action like 'consent.%' order by id", new { b = brokerage.Id })).ToList();
        Assert.Equal(["consent.opt-out", "consent.opt-in"], consent);
    }

    [Fact]
    public async Task Retried_reply_with_the_same_idempotency_key_is_sent_once()
    {
        var (brokerage, client, agent) = await StartConversationAsync("Hello");

        var first = await ReplyAsync(agent, brokerage, client, new { body = "Only once please", idempotencyKey = "retry-key" });
        var second = await ReplyAsync(agent, brokerage, client, new { body = "Only once please", idempotencyKey = "retry-key" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        await WaitForClientToReceiveAsync(client, m => m.Body == "Only once please");
        var view = await hub.Conversation(brokerage, client).GetAsync();
        Assert.Single(view!.RecentMessages, m => m.Body == "Only once please");
    }

    private async Task<(TestBrokerage Brokerage, string Client, HubClient Agent)> StartConversationAsync(string firstMessage)
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(48), new TestAgent("solo"));
        var client = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, client, firstMessage);
        var agent = await hub.SignInAsync($"solo@{brokerage.Id}.test");
        return (brokerage, client, agent);
    }

    private static Task<HttpResponseMessage> ReplyAsync(HubClient agent, TestBrokerage brokerage, string client, object body) =>
        agent.Http.PostAsJsonAsync($"api/brokerages/{brokerage.Id}/conversations/{ConversationKeys.LocalId(client)}/replies", body);

    private async Task<RealtyHub.TwilioEmulator.EmulatedMessage> WaitForClientToReceiveAsync(string client, Func<RealtyHub.TwilioEmulator.EmulatedMessage, bool> match) =>
        await Eventually.GetAsync(
            () => Task.FromResult(hub.Emulator.GetConversation(client).FirstOrDefault(m => m.Direction != RealtyHub.TwilioEmulator.EmulatedMessageDirection.Inbound && match(m))),
            m => m is not null,
            TimeSpan.FromSeconds(20),
            "the client's WhatsApp to receive the reply") ?? throw new InvalidOperationException();

    private async Task<RealtyHub.TwilioEmulator.EmulatedMessage> WaitForStatusAsync(string client, string sid, TwilioMessageStatus status) =>
        (await Eventually.GetAsync(
            () => Task.FromResult(hub.Emulator.GetMessage(sid)),
            m => m?.Status >= status,
            TimeSpan.FromSeconds(20),
            $"message {sid} to reach {status} for {client}"))!;
}
