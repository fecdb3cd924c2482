using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;
using RealtyHub.TwilioEmulator;

namespace RealtyHub.Integrations.Tests.Emulator;

[Collection(EmulatorCollection.Name)]
public sealed class MediaClientTests(EmulatorFixture fixture)
{
    private readonly string client = EmulatorFixture.NewClientNumber();

    [Fact]
    public async Task Downloads_inbound_media_with_the_account_credentials()
    {
        byte[] photo = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];
        var media = await InboundMediaAsync(new EmulatedMedia("image/png", photo));
        using var hub = fixture.CreateHubServices();

        var downloaded = await hub.GetRequiredService<TwilioMediaClient>().DownloadAsync(media.Url);

        Assert.Equal(photo, downloaded.Content.ToArray());
        Assert.Equal("image/png", downloaded.ContentType);
    }

    [Fact]
    public async Task Media_is_not_served_without_credentials()
    {
        var media = await InboundMediaAsync(new EmulatedMedia("image/png", new byte[] { 1 }));
        using var anonymous = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(media.Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Media_over_the_default_16_MB_limit_is_refused_by_its_Content_Length()
    {
        var media = await InboundMediaAsync(new EmulatedMedia("video/mp4", new byte[(16 * 1024 * 1024) + 1]));
        using var hub = fixture.CreateHubServices();

        var error = await Assert.ThrowsAsync<TwilioMediaTooLargeException>(
            () => hub.GetRequiredService<TwilioMediaClient>().DownloadAsync(media.Url));

        Assert.Equal(16 * 1024 * 1024, error.LimitBytes);
        Assert.Equal((16 * 1024 * 1024) + 1, error.DeclaredBytes);
    }

    [Fact]
    public async Task Media_without_Content_Length_is_cut_off_at_the_limit_while_streaming()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new NonSeekableStream(new MemoryStream(new byte[4096]))),
        });
        var media = new TwilioMediaClient(new HttpClient(handler), Options(maxBytes: 1000));

        var error = await Assert.ThrowsAsync<TwilioMediaTooLargeException>(
            () => media.DownloadAsync(new Uri("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")));

        Assert.Null(error.DeclaredBytes);
        Assert.Equal(1000, error.LimitBytes);
    }

    [Fact]
    public async Task Credentials_go_to_the_Twilio_host_but_not_to_the_storage_host_it_redirects_to()
    {
        var handler = new StubHandler(request => request.RequestUri!.Host == "api.twilio.com"
            ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri("https://media.storage.example/abc?sig=1") } }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([7, 7]) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } } });
        var media = new TwilioMediaClient(new HttpClient(handler), Options(maxBytes: 1000));

        var downloaded = await media.DownloadAsync(new Uri("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"));

        Assert.Equal([7, 7], downloaded.Content.ToArray());
        Assert.Equal("Basic", handler.Requests[0].Headers.Authorization?.Scheme);
        Assert.Null(handler.Requests[1].Headers.Authorization);
        Assert.Equal("media.storage.example", handler.Requests[1].RequestUri!.Host);
    }

    private static IOptions<TwilioOptions> Options(long maxBytes) => Microsoft.Extensions.Options.Options.Create(new TwilioOptions
    {
        AccountSid = EmulatorFixture.AccountSid,
        AuthToken = EmulatorFixture.AuthToken,
        MaxMediaBytes = maxBytes,
    });

    private async Task<TwilioInboundMedia> InboundMediaAsync(EmulatedMedia media)
    {
        var result = await fixture.Emulator.SendInboundAsync(client, EmulatorFixture.BusinessNumber, string.Empty, media: [media]);
        var webhook = Assert.Single(await fixture.Webhooks.WaitForAsync(w => w["MessageSid"] == result.MessageSid, 1));
        var parsed = TwilioInboundMessageParser.Parse(webhook.Form);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return Assert.Single(parsed.Value.Media);
    }
}
