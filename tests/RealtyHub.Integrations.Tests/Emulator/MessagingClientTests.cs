using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator;

namespace RealtyHub.Integrations.Tests.Emulator;

[Collection(EmulatorCollection.Name)]
public sealed class MessagingClientTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly ServiceProvider hub = fixture.CreateHubServices();
    private readonly string client = EmulatorFixture.NewClientNumber();

    private TwilioMessagingClient Twilio => hub.GetRequiredService<TwilioMessagingClient>();

    [Fact]
    public async Task Reply_within_the_window_is_created_then_reported_sent_delivered_read_with_valid_signatures()
    {
        await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Hi, is it available?");

        var resource = await Twilio.SendAsync(Reply("Yes, viewings on Saturday."));

        Assert.True(TwilioSid.IsValid(resource.Sid, "SM"));
        Assert.Equal(EmulatorFixture.AccountSid, resource.AccountSid);
        Assert.Equal(TwilioMessageStatus.Queued, resource.Status);
        Assert.Equal($"whatsapp:{client}", resource.To);
        Assert.Equal($"whatsapp:{EmulatorFixture.BusinessNumber}", resource.From);
        Assert.Equal("Yes, viewings on Saturday.", resource.Body);
        Assert.Equal("outbound-api", resource.Direction);
        Assert.Equal(1, resource.NumSegments);
        Assert.Null(resource.ErrorCode);
        Assert.Equal(fixture.Clock.GetUtcNow(), resource.DateCreated);

        var callbacks = await StatusCallbacksAsync(resource.Sid, 3);
        Assert.All(callbacks, c => Assert.True(c.SignatureValid));
        Assert.Equal(["sent", "delivered", "read"], callbacks.Select(c => c["MessageStatus"]));
        var parsed = TwilioStatusCallbackParser.Parse(callbacks[1].Form);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(TwilioMessageStatus.Delivered, parsed.Value.Status);
        Assert.Equal(client, parsed.Value.To.E164);
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_20003_and_are_not_retried()
    {
        using var wrongHub = fixture.CreateHubServices(o => o.AuthToken = "wrong-token");
        var before = fixture.Emulator.RestRequestCount;

        var error = await Assert.ThrowsAsync<TwilioApiException>(
            () => wrongHub.GetRequiredService<TwilioMessagingClient>().SendAsync(Template()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(TwilioErrorCodes.AuthenticationFailed, error.Code);
        Assert.Equal("Authenticate", error.Message);
        Assert.Equal(new Uri("https://www.twilio.com/docs/errors/20003"), error.MoreInfo);
        Assert.False(error.IsTransient);
        Assert.Equal(before + 1, fixture.Emulator.RestRequestCount);
        Assert.Empty(fixture.Emulator.GetConversation(client));
    }

    [Fact]
    public async Task Service_unavailable_then_created_is_retried_into_exactly_one_message()
    {
        var before = fixture.Emulator.RestRequestCount;
        fixture.Emulator.FailNextRequests(1);

        var resource = await Twilio.SendAsync(Template());

        Assert.Equal(before + 2, fixture.Emulator.RestRequestCount);
        var sent = Assert.Single(fixture.Emulator.GetConversation(client));
        Assert.Equal(resource.Sid, sent.Sid);
    }

    [Fact]
    public async Task Persistent_unavailability_surfaces_as_a_transient_error_after_the_retries()
    {
        using var oneRetryHub = fixture.CreateHubServices(o => o.MaxRetryAttempts = 1);
        fixture.Emulator.FailNextRequests(2);

        var error = await Assert.ThrowsAsync<TwilioApiException>(
            () => oneRetryHub.GetRequiredService<TwilioMessagingClient>().SendAsync(Template()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Empty(fixture.Emulator.GetConversation(client));
    }

    [Fact]
    public async Task Same_idempotency_token_never_sends_twice()
    {
        var message = Template() with { IdempotencyToken = "outbound-" + client };

        var first = await Twilio.SendAsync(message);
        var second = await Twilio.SendAsync(message);

        Assert.Equal(first.Sid, second.Sid);
        Assert.Single(fixture.Emulator.GetConversation(client));
    }

    [Fact]
    public async Task Template_is_allowed_outside_the_window_and_carries_its_variables()
    {
        var resource = await Twilio.SendAsync(Template());

        Assert.Equal("Hello Sara, your viewing is confirmed for Saturday 10:00.", resource.Body);
        var held = fixture.Emulator.GetMessage(resource.Sid)!;
        Assert.Equal(EmulatorFixture.TemplateSid, held.ContentSid);
        Assert.Equal("""{"1":"Sara","2":"Saturday 10:00"}""", held.ContentVariables);
        var callbacks = await StatusCallbacksAsync(resource.Sid, 3);
        Assert.Equal(["sent", "delivered", "read"], callbacks.Select(c => c["MessageStatus"]));
    }

    [Fact]
    public async Task Free_form_message_after_24_hours_fails_with_63016_by_callback()
    {
        await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Call me next week");
        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var resource = await Twilio.SendAsync(Reply("Following up on the villa"));

        Assert.Equal(TwilioMessageStatus.Queued, resource.Status);
        var callback = Assert.Single(await StatusCallbacksAsync(resource.Sid, 1));
        Assert.True(callback.SignatureValid);
        var parsed = TwilioStatusCallbackParser.Parse(callback.Form).Value!;
        Assert.Equal(TwilioMessageStatus.Failed, parsed.Status);
        Assert.Equal(TwilioErrorCodes.OutsideConversationWindow, parsed.ErrorCode);
        Assert.Equal(TwilioMessageStatus.Failed, (await Twilio.FetchAsync(resource.Sid)).Status);
    }

    [Fact]
    public async Task Free_form_message_within_24_hours_is_delivered()
    {
        await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, "Hello");
        fixture.Clock.Advance(TimeSpan.FromHours(23));

        var resource = await Twilio.SendAsync(Reply("Still interested?"));

        var callbacks = await StatusCallbacksAsync(resource.Sid, 2);
        Assert.Equal(["sent", "delivered"], callbacks.Take(2).Select(c => c["MessageStatus"]));
    }

    [Fact]
    public async Task Free_form_message_to_a_client_who_never_wrote_fails_with_63016()
    {
        var resource = await Twilio.SendAsync(Reply("Cold outreach"));

        var callback = Assert.Single(await StatusCallbacksAsync(resource.Sid, 1));
        Assert.Equal(("failed", "63016"), (callback["MessageStatus"], callback["ErrorCode"]));
    }

    [Fact]
    public async Task Number_not_on_WhatsApp_ends_undelivered_with_63003()
    {
        var resource = await Twilio.SendAsync(Template() with { To = WhatsAppAddress.FromE164(EmulatorFixture.UnreachableNumber) });

        var callbacks = await StatusCallbacksAsync(resource.Sid, 2);
        Assert.Equal(["sent", "undelivered"], callbacks.Select(c => c["MessageStatus"]));
        Assert.Equal("63003", callbacks[1]["ErrorCode"]);
    }

    [Fact]
    public async Task Fetch_returns_the_current_status()
    {
        var resource = await Twilio.SendAsync(Template());
        await StatusCallbacksAsync(resource.Sid, 3);

        var fetched = await Twilio.FetchAsync(resource.Sid);

        Assert.Equal(TwilioMessageStatus.Read, fetched.Status);
        Assert.NotNull(fetched.DateSent);
    }

    [Fact]
    public async Task Unreachable_Twilio_is_a_transient_TwilioApiException()
    {
        using var unreachable = fixture.CreateHubServices(o =>
        {
            o.ApiBaseUrl = new Uri("http://127.0.0.1:1");
            o.MaxRetryAttempts = 1;
        });

        var error = await Assert.ThrowsAsync<TwilioApiException>(
            () => unreachable.GetRequiredService<TwilioMessagingClient>().SendAsync(Template()));

        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Fetching_an_unknown_message_is_20404()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Twilio.FetchAsync(TwilioSid.Create("SM")));

        Assert.Equal((HttpStatusCode.NotFound, TwilioErrorCodes.NotFound), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Unsendable_messages_are_refused_before_calling_Twilio()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Twilio.SendAsync(Reply(string.Empty)));
        await Assert.ThrowsAsync<ArgumentException>(() => Twilio.SendAsync(Reply(new string('x', 1601))));
        await Assert.ThrowsAsync<ArgumentException>(() => Twilio.SendAsync(Template() with { ContentSid = "HX1" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Twilio.SendAsync(Reply("x") with { ContentVariables = new Dictionary<string, string>() }));
    }

    [Fact]
    public async Task Outbound_messages_are_announced_live_to_subscribers()
    {
        var delivered = new TaskCompletionSource<EmulatedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, EmulatedMessageEventArgs e)
        {
            if (e.Message.ClientNumber == client && e.Message.Status == TwilioMessageStatus.Delivered)
            {
                delivered.TrySetResult(e.Message);
            }
        }

        fixture.Emulator.MessageChanged += OnChanged;
        try
        {
            var resource = await Twilio.SendAsync(Template());

            var message = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(resource.Sid, message.Sid);
            Assert.Equal(EmulatedMessageDirection.OutboundApi, message.Direction);
        }
        finally
        {
            fixture.Emulator.MessageChanged -= OnChanged;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private OutboundWhatsAppMessage Reply(string body) => new()
    {
        To = WhatsAppAddress.FromE164(client),
        From = WhatsAppAddress.FromE164(EmulatorFixture.BusinessNumber),
        Body = body,
        StatusCallback = fixture.StatusCallbackUrl,
    };

    private OutboundWhatsAppMessage Template() => new()
    {
        To = WhatsAppAddress.FromE164(client),
        From = WhatsAppAddress.FromE164(EmulatorFixture.BusinessNumber),
        ContentSid = EmulatorFixture.TemplateSid,
        ContentVariables = new Dictionary<string, string> { ["1"] = "Sara", ["2"] = "Saturday 10:00" },
        StatusCallback = fixture.StatusCallbackUrl,
    };

    private Task<IReadOnlyList<RecordedWebhook>> StatusCallbacksAsync(string sid, int count) =>
        fixture.Webhooks.WaitForAsync(w => w.Path == fixture.StatusCallbackUrl.AbsolutePath && w["MessageSid"] == sid, count);
}
