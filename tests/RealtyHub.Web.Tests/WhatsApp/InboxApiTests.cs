using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>The inbox API: media, history paging, search, resolve/reopen, and a send that finally fails.</summary>
[Collection(ClockedHubCollection.Name)]
public sealed class InboxApiTests(ClockedHubFixture hub)
{
    [Fact]
    public async Task Photo_from_the_client_is_fetched_with_twilio_auth_stored_and_served_to_the_agent()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var client = ClockedHubFixture.NewClientPhone();
        var voiceNote = new byte[] { 0x4F, 0x67, 0x67, 0x53, 1, 2, 3, 4 };
        await hub.Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, "", "Photo Sender",
            [new EmulatedMedia("image/png", HubWebFixture.TinyPng), new EmulatedMedia("audio/ogg", voiceNote)]);
        var view = await Eventually.GetAsync(
            () => hub.Conversation(brokerage, client).GetAsync(), v => v is not null, TimeSpan.FromSeconds(20), "the conversation");
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");

        var media = view!.RecentMessages.Single().Media;
        var photo = await agent.Http.GetAsync($"api/brokerages/{brokerage.Id}/media/{media[0].MediaId}");
        var audio = await agent.Http.GetAsync($"api/brokerages/{brokerage.Id}/media/{media[1].MediaId}");

        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HubWebFixture.TinyPng, await photo.Content.ReadAsByteArrayAsync());
        Assert.True(media[1].IsVoiceNote);
        Assert.Equal(voiceNote, await audio.Content.ReadAsByteArrayAsync());
        Assert.Equal("Photo", view.Summary.LastMessagePreview);
    }

    [Fact]
    public async Task History_pages_backwards_and_search_finds_by_text_and_by_phone()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var client = ClockedHubFixture.NewClientPhone();
        foreach (var i in Enumerable.Range(1, 5))
        {
            await hub.ClientWritesAsync(brokerage, client, $"Message number {i} about the penthouse");
        }

        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var conversation = ConversationKeys.LocalId(client);
        var newest = await agent.Http.GetFromJsonAsync<StoredMessage[]>($"api/brokerages/{brokerage.Id}/conversations/{conversation}/messages?limit=2", TestJson.Options);
        var older = await agent.Http.GetFromJsonAsync<StoredMessage[]>(
            $"api/brokerages/{brokerage.Id}/conversations/{conversation}/messages?limit=2&before={newest![^1].Sequence}", TestJson.Options);
        var byText = await agent.Http.GetFromJsonAsync<ConversationSummary[]>($"api/brokerages/{brokerage.Id}/conversations?q=penthouse", TestJson.Options);
        var byPhone = await agent.Http.GetFromJsonAsync<ConversationSummary[]>($"api/brokerages/{brokerage.Id}/conversations?q={client[^7..]}", TestJson.Options);
        var nothing = await agent.Http.GetFromJsonAsync<ConversationSummary[]>($"api/brokerages/{brokerage.Id}/conversations?q=helicopter", TestJson.Options);

        Assert.Equal(["Message number 5 about the penthouse", "Message number 4 about the penthouse"], newest.Select(m => m.Message.Body));
        Assert.Equal(["Message number 3 about the penthouse", "Message number 2 about the penthouse"], older!.Select(m => m.Message.Body));
        Assert.Equal(conversation, Assert.Single(byText!).ConversationId);
        Assert.Equal(conversation, Assert.Single(byPhone!).ConversationId);
        Assert.Empty(nothing!);
    }

    [Fact]
    public async Task Agent_resolves_and_reopens_and_a_new_message_reopens_by_itself()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var client = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, client, "Thanks, that's all");
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var path = $"api/brokerages/{brokerage.Id}/conversations/{ConversationKeys.LocalId(client)}/status";

        var resolved = await agent.Http.PutAsJsonAsync(path, new { status = "Resolved" });
        Assert.Equal(ConversationStatus.Resolved, (await resolved.Content.ReadFromJsonAsync<ConversationSummary>(TestJson.Options))!.Status);
        var again = await hub.ClientWritesAsync(brokerage, client, "Actually, one more question");
        Assert.Equal(ConversationStatus.Open, again.Summary.Status);
        var invalid = await agent.Http.PutAsJsonAsync(path, new { status = "Archived" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_reply_that_a_crash_left_unsent_is_sent_by_the_sweep_once()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var client = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, client, "Hello");
        var store = hub.App.Services.GetRequiredService<IConversationStore>();
        // What a crash right after the grain stored the reply leaves: a queued message and no send result.
        var stranded = new ChatMessage("out-stranded-" + Guid.NewGuid().ToString("N"), MessageDirection.Outbound, "Sent after the restart",
            [], hub.Clock.GetUtcNow(), DeliveryStatus.Queued, brokerage.AgentIds[0]);
        Assert.True(await store.TryAppendMessageAsync(brokerage.Id, ConversationKeys.LocalId(client), stranded));

        var received = await Eventually.GetAsync(
            () => Task.FromResult(hub.Emulator.GetConversation(client).Where(m => m.Body == "Sent after the restart").ToList()),
            list => list.Count > 0,
            TimeSpan.FromSeconds(20),
            "the sweep to send the stranded reply");

        Assert.Single(received);
        await Eventually.GetAsync(
            async () => (await store.PageAsync(brokerage.Id, ConversationKeys.LocalId(client), null, 10)).Single(m => m.Message.MessageId == stranded.MessageId).Message.Status,
            status => status is not DeliveryStatus.Queued,
            TimeSpan.FromSeconds(20),
            "a send result for the stranded reply");
        Assert.Single(hub.Emulator.GetConversation(client), m => m.Body == "Sent after the restart");
    }

    [Fact]
    public async Task A_send_that_keeps_failing_is_retried_then_shown_failed_to_the_agent_with_the_reason()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        var client = ClockedHubFixture.NewClientPhone();
        await hub.ClientWritesAsync(brokerage, client, "Hello");
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var before = hub.Emulator.RestRequestCount;
        hub.Emulator.FailNextRequests(10);

        var reply = await agent.Http.PostAsJsonAsync(
            $"api/brokerages/{brokerage.Id}/conversations/{ConversationKeys.LocalId(client)}/replies", new { body = "This will not get through" });

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var failed = await Eventually.GetAsync(
            () => hub.Conversation(brokerage, client).GetAsync(),
            v => v!.RecentMessages.Any(m => m.Direction == MessageDirection.Outbound && m.Status == DeliveryStatus.Failed),
            TimeSpan.FromSeconds(20),
            "the reply to be marked failed");
        var message = failed!.RecentMessages.Single(m => m.Direction == MessageDirection.Outbound);
        Assert.False(string.IsNullOrWhiteSpace(message.ErrorMessage));
        Assert.True(hub.Emulator.RestRequestCount - before > 1, "The client retried before giving up.");
        hub.Emulator.FailNextRequests(0);
    }
}
