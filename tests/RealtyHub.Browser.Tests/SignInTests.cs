using RealtyHub.Web.Identity;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>The sign-in form in a real browser: what a person sees, not just what the server answers.</summary>
[Collection(HubCollection.Name)]
public sealed class SignInTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Wrong_password_shows_a_visible_error()
    {
        // A fresh user: failed sign-ins count towards lockout, which must not hit the shared demo users.
        var agent = await hub.CreateUserAsync(HubWebFixture.BrokerageA, HubRoles.Agent);
        await using var browser = await chromium.NewSessionAsync(hub.BaseAddress, output, "visitor");

        await browser.SubmitSignInAsync(agent, "not-the-password");

        var error = browser.Page.GetByTestId("login-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync(SignInService.InvalidCredentials);
        await Expect(browser.Page).ToHaveURLAsync(new Uri(hub.BaseAddress, "account/login").ToString());
        await browser.ScreenshotAsync("login-wrong-password.png");
    }
}
