using System.Net;
using System.Text.Json;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>The emulator's REST wire behaviour, checked with a raw HttpClient rather than our own client.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class EmulatorRestTests(EmulatorFixture fixture)
{
    private readonly string client = EmulatorFixture.NewClientNumber();

    [Theory]
    [InlineData("", "whatsapp:+97140000001", "Hi", 21604)]
    [InlineData("+971501234567", "whatsapp:+97140000001", "Hi", 21211)]
    [InlineData("whatsapp:+12", "whatsapp:+97140000001", "Hi", 21211)]
    [InlineData("whatsapp:+971501234567", "", "Hi", 21603)]
    [InlineData("whatsapp:+971501234567", "whatsapp:97140000001", "Hi", 21212)]
    [InlineData("whatsapp:+971501234567", "whatsapp:+97140000001", "", 21602)]
    public async Task Invalid_create_requests_get_Twilio_error_codes(string to, string from, string body, int code)
    {
        using var http = fixture.CreateRawClient();

        using var response = await http.PostAsync("Messages.json", Form(("To", to), ("From", from), ("Body", body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, error.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(400, error.RootElement.GetProperty("status").GetInt32());
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", error.RootElement.GetProperty("more_info").GetString());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("ContentVariables", """{"1":"x"}""", 21654)]
    [InlineData("ContentSid", "HXnope", 21655)]
    [InlineData("Body", "1601", 21617)]
    [InlineData("MediaUrl", "ftp://files/x.png", 21620)]
    [InlineData("StatusCallback", "not a url", 21609)]
    public async Task Invalid_optional_parameters_get_Twilio_error_codes(string name, string value, int code)
    {
        using var http = fixture.CreateRawClient();
        var fieldValue = value == "1601" ? new string('x', 1601) : value;

        using var response = await http.PostAsync(
            "Messages.json",
            Form(("To", $"whatsapp:{client}"), ("From", $"whatsapp:{EmulatorFixture.BusinessNumber}"), ("Body", name == "Body" ? string.Empty : "Hi"), (name, fieldValue)));

        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, error.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Missing_credentials_get_401_with_20003_and_a_Basic_challenge()
    {
        using var http = fixture.CreateRawClient(authenticated: false);

        using var response = await http.GetAsync("Messages.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(20003, error.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Created_resource_has_Twilio_shape()
    {
        using var http = fixture.CreateRawClient();

        using var response = await http.PostAsync(
            "Messages.json",
            Form(("To", $"whatsapp:{client}"), ("From", $"whatsapp:{EmulatorFixture.BusinessNumber}"), ("ContentSid", EmulatorFixture.TemplateSid)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var sid = root.GetProperty("sid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        Assert.Equal(EmulatorFixture.AccountSid, root.GetProperty("account_sid").GetString());
        Assert.Equal("queued", root.GetProperty("status").GetString());
        Assert.Equal("1", root.GetProperty("num_segments").GetString());
        Assert.Equal("0", root.GetProperty("num_media").GetString());
        Assert.Equal("2010-04-01", root.GetProperty("api_version").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error_code").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("date_sent").ValueKind);
        Assert.Equal(
            fixture.Clock.GetUtcNow().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("date_created").GetString());
        Assert.Equal($"/2010-04-01/Accounts/{EmulatorFixture.AccountSid}/Messages/{sid}.json", root.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task List_returns_a_Twilio_page_newest_first()
    {
        using var http = fixture.CreateRawClient();
        var first = await CreateAsync(http);
        var second = await CreateAsync(http);

        using var response = await http.GetAsync($"Messages.json?To=whatsapp:{Uri.EscapeDataString(client)}&PageSize=1");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(second, Assert.Single(root.GetProperty("messages").EnumerateArray()).GetProperty("sid").GetString());
        Assert.Equal(1, root.GetProperty("page_size").GetInt32());
        Assert.Equal(0, root.GetProperty("page").GetInt32());
        Assert.NotNull(root.GetProperty("next_page_uri").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("previous_page_uri").ValueKind);
        Assert.NotEqual(first, second);
    }

    private async Task<string> CreateAsync(HttpClient http)
    {
        using var response = await http.PostAsync(
            "Messages.json",
            Form(("To", $"whatsapp:{client}"), ("From", $"whatsapp:{EmulatorFixture.BusinessNumber}"), ("ContentSid", EmulatorFixture.TemplateSid)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Where(f => f.Value.Length > 0).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
