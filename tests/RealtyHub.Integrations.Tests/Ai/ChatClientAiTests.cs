using System.Net;
using Microsoft.Extensions.AI;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>The real IChatClient path (OpenAI client → HTTP → emulator) for understanding, drafting and failures.</summary>
[Collection(LlmEmulatorCollection.Name)]
public sealed class ChatClientAiTests
{
    private readonly LlmEmulatorFixture fixture;
    private readonly DubaiClock clock = DubaiClock.MondayMorning();

    public ChatClientAiTests(LlmEmulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
    }

    [Fact]
    public async Task The_understander_asks_for_strict_json_and_maps_the_answer_to_kind_and_entities()
    {
        var understander = LlmEmulatorFixture.Understander(fixture.Options(), clock);

        var understanding = await understander.UnderstandAsync("b-ai", "Prepare a CMA for the Marina villa for Sara by tomorrow, around 2.5M");

        // The emulator's own classifier said "Marina"; the hub spells the area its way.
        Assert.Equal(
            new RequestUnderstanding(
                RequestKind.MarketReport,
                new RequestEntities(Property: "Marina villa", Area: "Dubai Marina", ClientName: "Sara", Price: 2_500_000m, Deadline: new DateOnly(2026, 3, 3)),
                null,
                LlmEmulatorFixture.Model),
            understanding);
        var sent = Assert.Single(fixture.Emulator.Requests);
        Assert.Equal(LlmEmulatorFixture.Model, sent.Model);
        Assert.Equal("json_schema", sent.ResponseFormat);
        Assert.True(sent.StrictSchema);
        Assert.Equal(["system", "user"], sent.Messages.Select(m => m.Role));
        Assert.Contains("Today is 2026-03-02 (Monday)", sent.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal("Prepare a CMA for the Marina villa for Sara by tomorrow, around 2.5M", sent.Messages[1].Content);
    }

    [Fact]
    public async Task An_unusable_model_answer_falls_back_to_the_rules_and_says_so()
    {
        fixture.Emulator.AnswerNext(1, "Sure! This looks like a CMA request.");
        var understander = LlmEmulatorFixture.Understander(fixture.Options(), clock);

        var understanding = await understander.UnderstandAsync("b-ai", "Prepare a CMA for JLT by Friday");

        Assert.Equal("rules (model answer unusable)", understanding.ProducedBy);
        Assert.Equal(RequestKind.MarketReport, understanding.Kind);
        Assert.Equal(new RequestEntities(Area: "JLT", Deadline: new DateOnly(2026, 3, 6)), understanding.Entities);
    }

    [Fact]
    public async Task Json_with_an_unknown_kind_is_unusable_and_bad_fields_are_dropped()
    {
        fixture.Emulator.AnswerNext(1, """{"kind":"poem","property":null}""");
        fixture.Emulator.AnswerNext(1, "```json\n{\"kind\":\"follow_up_message\",\"client_name\":\"Sara\",\"price_aed\":-5,\"deadline\":\"next week\",\"area\":\"the marina\"}\n```");
        var understander = LlmEmulatorFixture.Understander(fixture.Options(), clock);

        var unknownKind = await understander.UnderstandAsync("b-ai", "Write a poem");
        var fenced = await understander.UnderstandAsync("b-ai", "Follow up with Sara");

        Assert.Equal("rules (model answer unusable)", unknownKind.ProducedBy);
        Assert.Equal(new RequestUnderstanding(RequestKind.FollowUpMessage, new RequestEntities(Area: "the marina", ClientName: "Sara"), null, LlmEmulatorFixture.Model), fenced);
    }

    [Fact]
    public async Task The_hubs_missing_info_rule_applies_to_a_models_answer()
    {
        var understander = LlmEmulatorFixture.Understander(fixture.Options(), clock);

        var understanding = await understander.UnderstandAsync("b-ai", "Prepare a market report please");

        Assert.Equal(RequestKind.MarketReport, understanding.Kind);
        Assert.Equal("Which property or area should the market report cover?", understanding.MissingInfoQuestion);
    }

    [Fact]
    public async Task The_drafter_sends_the_brokerage_rules_and_numbered_snippets_and_maps_cited_numbers_to_citations()
    {
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(), clock);
        var input = DraftInputs.For(RequestKind.MarketReport, "Prepare a CMA for the Marina villa", new RequestEntities(Property: "Marina villa", Area: "Dubai Marina"));

        var draft = await drafter.DraftAsync(input);

        Assert.Equal(LlmEmulatorFixture.Model, draft.ProducedBy);
        Assert.Equal(clock.GetUtcNow(), draft.At);
        Assert.Contains("LLM emulator", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("> Request from Omar Farouk: Prepare a CMA for the Marina villa", draft.Markdown, StringComparison.Ordinal);
        Assert.Equal(["doc-rera", "doc-marina"], draft.Citations.Select(c => c.DocumentId));
        var sent = Assert.Single(fixture.Emulator.Requests);
        Assert.Null(sent.ResponseFormat);
        Assert.Contains("You draft work for Marina Realty Dubai", sent.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("[to complete: what is missing]", sent.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("comparative market analysis", sent.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("[1] RERA advertising rules: Every advert must show", sent.Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("Name: Sara Al Mansoori", sent.Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("- client (2026-03-01 09:12 UTC): Could we see it on Saturday? Also what are the service charges?", sent.Messages[1].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("+971501234567", sent.Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_the_answer_cites_without_a_snippet_are_not_citations()
    {
        fixture.Emulator.AnswerNext(1, "Per the rules [2] and [7], and again [2].");
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(), clock);

        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.KnowledgeAnswer, "What are the advert rules?"));

        Assert.Equal(["doc-marina"], draft.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task Two_server_errors_are_retried_by_the_client_pipeline_and_the_third_attempt_succeeds()
    {
        fixture.Emulator.FailNext(2, HttpStatusCode.InternalServerError);
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => o.MaxRetries = 2), clock);

        var draft = await drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post for the Marina villa"));

        Assert.Contains("LLM emulator", draft.Markdown, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Errors_beyond_the_retries_become_AiUnavailableException_with_the_status()
    {
        fixture.Emulator.FailNext(3, HttpStatusCode.ServiceUnavailable);
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => o.MaxRetries = 2), clock);

        var error = await Assert.ThrowsAsync<AiUnavailableException>(() => drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post")));

        Assert.StartsWith("The AI service failed (HTTP 503: The server had an error while processing your request", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("after 3 attempts.", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Rate_limiting_is_retried_too()
    {
        fixture.Emulator.FailNext(1, HttpStatusCode.TooManyRequests);
        var understander = LlmEmulatorFixture.Understander(fixture.Options(), clock);

        var understanding = await understander.UnderstandAsync("b-ai", "Instagram post for JLT");

        Assert.Equal(RequestKind.SocialPost, understanding.Kind);
        Assert.Equal(2, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_becomes_AiUnavailableException_after_each_attempt_timed_out()
    {
        fixture.Emulator.DelayNext(2, TimeSpan.FromSeconds(5));
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => (o.Timeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(300), 1)), clock);

        var error = await Assert.ThrowsAsync<AiUnavailableException>(() => drafter.DraftAsync(DraftInputs.For(RequestKind.FollowUpMessage, "Follow up with Sara")));

        Assert.Equal("The AI service did not answer within 0.3 s (2 attempts).", error.Message);
        Assert.Equal(2, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_key_becomes_AiUnavailableException_saying_the_key_was_refused()
    {
        var understander = LlmEmulatorFixture.Understander(fixture.Options(o => o.ApiKey = "sk-wrong-key"), clock);

        var error = await Assert.ThrowsAsync<AiUnavailableException>(() => understander.UnderstandAsync("b-ai", "CMA for JLT"));

        Assert.Equal(
            $"The AI service at {fixture.BaseUrl}llm-emulator/v1 refused the API key (HTTP 401: Incorrect API key provided: sk-***ey. The LLM emulator expects the key it was configured with.); check RealtyHub:Ai:ApiKey.",
            error.Message);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_becomes_AiUnavailableException_saying_so()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => (o.Endpoint, o.MaxRetries) = (new Uri($"http://127.0.0.1:{closedPort}/v1"), 1)), clock);

        var error = await Assert.ThrowsAsync<AiUnavailableException>(() => drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post")));

        Assert.StartsWith($"The AI service at http://127.0.0.1:{closedPort}/v1 could not be reached (2 attempts):", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_becomes_AiUnavailableException_naming_the_model()
    {
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => o.Model = "gpt-none"), clock);

        var error = await Assert.ThrowsAsync<AiUnavailableException>(() => drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post")));

        Assert.Contains("does not serve the model 'gpt-none' (HTTP 404: The model `gpt-none` does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_allowance_refuses_the_call_after_the_one_that_used_it_up()
    {
        var drafter = LlmEmulatorFixture.Drafter(fixture.Options(o => o.DailyTokenBudget = 10), clock);

        await drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post"));
        var error = await Assert.ThrowsAsync<AiBudgetExceededException>(() => drafter.DraftAsync(DraftInputs.For(RequestKind.SocialPost, "Instagram post")));

        Assert.Equal("Today's AI allowance for this brokerage (10 tokens) is used up; it resets at 00:00 UTC. An expert can still complete the request by hand.", error.Message);
        Assert.Single(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Streaming_through_the_real_client_reassembles_the_same_answer()
    {
        using var client = AiChatClientFactory.Create(fixture.Options());
        List<ChatMessage> messages = [new(ChatRole.User, "Write an Instagram post\nfor the Marina villa")];

        var whole = await client.GetResponseAsync(messages);
        var streamed = await client.GetStreamingResponseAsync(messages).ToChatResponseAsync();

        Assert.Equal(whole.Text, streamed.Text);
        Assert.Contains("> for the Marina villa", streamed.Text, StringComparison.Ordinal);
        Assert.True(fixture.Emulator.Requests[1].Stream);
    }
}
