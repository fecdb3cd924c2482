using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RealtyHub.Integrations.Tests.Ai;

/// <summary>The emulator's wire protocol, checked with plain HTTP: what any OpenAI-compatible client would see.</summary>
[Collection(LlmEmulatorCollection.Name)]
public sealed class LlmEmulatorWireTests
{
    private readonly LlmEmulatorFixture fixture;

    public LlmEmulatorWireTests(LlmEmulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
    }

    [Fact]
    public async Task Models_lists_the_configured_model()
    {
        using var client = fixture.RawClient();

        var models = await client.GetFromJsonAsync<JsonElement>("models");

        Assert.Equal("list", models.GetProperty("object").GetString());
        Assert.Equal(LlmEmulatorFixture.Model, models.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_missing_key_is_a_401_with_an_openai_error_body()
    {
        using var client = fixture.RawClient(key: null);

        using var response = await client.PostAsJsonAsync("chat/completions", new { model = LlmEmulatorFixture.Model, messages = new[] { new { role = "user", content = "hi" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_json_object_request_is_answered_with_the_understanding_json_and_usage()
    {
        using var client = fixture.RawClient();
        var body = new
        {
            model = LlmEmulatorFixture.Model,
            response_format = new { type = "json_object" },
            messages = new object[] { new { role = "user", content = new[] { new { type = "text", text = "Instagram post for JLT" } } } },
        };

        using var response = await client.PostAsJsonAsync("chat/completions", body);
        var completion = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("chat.completion", completion.GetProperty("object").GetString());
        var content = JsonDocument.Parse(completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!).RootElement;
        Assert.Equal("social_post", content.GetProperty("kind").GetString());
        Assert.Equal("JLT", content.GetProperty("area").GetString());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("client_name").ValueKind);
        var usage = completion.GetProperty("usage");
        Assert.Equal(6, usage.GetProperty("prompt_tokens").GetInt32());   // 22 characters / 4, rounded up
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32(), usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal("Instagram post for JLT", Assert.Single(fixture.Emulator.Requests).LastUserText);
    }

    [Fact]
    public async Task A_streamed_answer_is_server_sent_events_ending_with_done()
    {
        using var client = fixture.RawClient();
        var body = new
        {
            model = LlmEmulatorFixture.Model,
            stream = true,
            stream_options = new { include_usage = true },
            messages = new[] { new { role = "user", content = "Write a follow-up\n[1] Policy: reply within an hour" } },
        };

        using var response = await client.PostAsJsonAsync("chat/completions", body);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        var text = string.Concat(chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray())
            .Select(c => c.GetProperty("delta").TryGetProperty("content", out var part) ? part.GetString() : null));
        Assert.Contains("> Write a follow-up", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
    }
}
