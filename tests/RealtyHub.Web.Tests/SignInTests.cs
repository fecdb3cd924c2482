using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class SignInTests(HubWebFixture hub)
{
    [Fact]
    public async Task Demo_agent_signs_in_through_the_form_and_lands_on_the_console()
    {
        await using var browser = HubClient.Anonymous(hub.BaseAddress);

        var response = await LoginForm.SubmitAsync(browser.Http, HubWebFixture.AgentA, HubWebFixture.Password, "/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests", response.Headers.Location!.AbsolutePath);
        var console = await browser.Http.GetStringAsync("requests");
        Assert.Contains("Sara Al Mansoori", console);
    }

    [Fact]
    public async Task Sign_in_return_url_to_another_site_is_ignored()
    {
        await using var browser = HubClient.Anonymous(hub.BaseAddress);

        var response = await LoginForm.SubmitAsync(browser.Http, HubWebFixture.AgentA, HubWebFixture.Password, "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(hub.BaseAddress.Host, response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task Wrong_password_is_rejected_with_a_message_and_no_cookie()
    {
        await using var browser = HubClient.Anonymous(hub.BaseAddress);

        var response = await LoginForm.SubmitAsync(browser.Http, HubWebFixture.AgentA, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInService.InvalidCredentials, await response.Content.ReadAsStringAsync());
        var me = await browser.Http.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Account_locks_after_five_failed_sign_ins_even_with_the_right_password_next()
    {
        var email = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var client = HubClient.Anonymous(hub.BaseAddress);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.Http.PostAsJsonAsync("api/session", new { email, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var fifth = await client.Http.PostAsJsonAsync("api/session", new { email, password = "wrong-password" });
        var withRightPassword = await client.Http.PostAsJsonAsync("api/session", new { email, password = HubWebFixture.Password });

        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, withRightPassword.StatusCode);
        Assert.Contains("locked", await withRightPassword.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_with_missing_fields_gets_a_validation_problem()
    {
        await using var client = HubClient.Anonymous(hub.BaseAddress);

        var response = await client.Http.PostAsJsonAsync("api/session", new { email = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Email and password are required", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Console_pages_send_strangers_to_sign_in_and_the_api_answers_401()
    {
        await using var stranger = HubClient.Anonymous(hub.BaseAddress);

        var page = await stranger.Http.GetAsync("board");
        var api = await stranger.Http.GetAsync($"api/brokerages/{HubWebFixture.BrokerageA}/agents");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var client = await hub.SignInAsync(HubWebFixture.SupervisorA);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("api/me")).StatusCode);

        var signOut = await client.Http.DeleteAsync("api/session");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("api/me")).StatusCode);
    }
}
