using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Integrations.Tests.Emulator;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

/// <summary>The production retry pipeline, with a stub in place of the network.</summary>
public sealed class TwilioMessagingClientRetryTests
{
    private const string Created = """
        {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "AC0123456789abcdef0123456789abcdef",
         "to": "whatsapp:+971501234567", "from": "whatsapp:+97140000001", "body": "Hi", "status": "queued",
         "num_segments": "1", "num_media": "0", "error_code": null, "error_message": null, "direction": "outbound-api",
         "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null}
        """;

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Transient_failure_is_retried_with_the_same_idempotency_token(HttpStatusCode failure)
    {
        var calls = 0;
        var handler = new StubHandler(_ => ++calls == 1 ? new HttpResponseMessage(failure) : Json(HttpStatusCode.Created, Created));
        using var services = Services(handler);

        var resource = await services.GetRequiredService<TwilioMessagingClient>().SendAsync(Message());

        Assert.Equal("SM0123456789abcdef0123456789abcdef", resource.Sid);
        Assert.Equal(new DateTimeOffset(2023, 8, 24, 5, 1, 45, TimeSpan.Zero), resource.DateCreated);
        Assert.Equal(2, handler.Requests.Count);
        var tokens = handler.Requests.Select(r => r.Headers.GetValues(TwilioMessagingClient.IdempotencyTokenHeader).Single()).ToList();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal(handler.Bodies[0], handler.Bodies[1]);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.BadRequest, """{"code": 21211, "message": "Invalid 'To' Phone Number", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""));
        using var services = Services(handler);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => services.GetRequiredService<TwilioMessagingClient>().SendAsync(Message()));

        Assert.Single(handler.Requests);
        Assert.Equal((HttpStatusCode.BadRequest, 21211, false), (error.StatusCode, error.Code, error.IsTransient));
    }

    [Fact]
    public async Task Sends_the_form_Twilio_expects_with_Basic_auth()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.Created, Created));
        using var services = Services(handler);

        await services.GetRequiredService<TwilioMessagingClient>().SendAsync(
            Message() with { MediaUrls = [new Uri("https://cdn.example/plan.pdf")], IdempotencyToken = "reply-42" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{EmulatorFixture.AccountSid}/Messages.json", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal($"{EmulatorFixture.AccountSid}:{EmulatorFixture.AuthToken}", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        Assert.Equal("reply-42", request.Headers.GetValues(TwilioMessagingClient.IdempotencyTokenHeader).Single());
        Assert.Equal(
            "To=whatsapp%3A%2B971501234567&From=whatsapp%3A%2B97140000001&Body=Hi&MediaUrl=https%3A%2F%2Fcdn.example%2Fplan.pdf&StatusCallback=https%3A%2F%2Fhub.example%2Fwebhooks%2Ftwilio%2Fstatus",
            handler.Bodies[0]);
    }

    [Fact]
    public async Task Template_sends_ContentSid_and_ContentVariables_json_instead_of_the_body()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.Created, Created));
        using var services = Services(handler);

        await services.GetRequiredService<TwilioMessagingClient>().SendAsync(Message() with
        {
            Body = "Hello Sara (the hub's own rendering)",
            ContentSid = "HX0123456789abcdef0123456789abcdef",
            ContentVariables = new Dictionary<string, string> { ["1"] = "Sara" },
            StatusCallback = null,
        });

        Assert.Equal(
            "To=whatsapp%3A%2B971501234567&From=whatsapp%3A%2B97140000001&ContentSid=HX0123456789abcdef0123456789abcdef&ContentVariables=%7B%221%22%3A%22Sara%22%7D",
            handler.Bodies[0]);
    }

    private static ServiceProvider Services(StubHandler handler)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddTwilioMessaging(o =>
            {
                o.AccountSid = EmulatorFixture.AccountSid;
                o.AuthToken = EmulatorFixture.AuthToken;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            });
        services.AddHttpClient<TwilioMessagingClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    private static OutboundWhatsAppMessage Message() => new()
    {
        To = WhatsAppAddress.FromE164("+971501234567"),
        From = WhatsAppAddress.FromE164("+97140000001"),
        Body = "Hi",
        StatusCallback = new Uri("https://hub.example/webhooks/twilio/status"),
    };

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
