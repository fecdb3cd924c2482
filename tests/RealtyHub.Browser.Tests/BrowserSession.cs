using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>
/// One person at one browser: an isolated browser context with a page, plus the console's sign-in steps.
/// Browser errors and failed requests go to the test output, so a failing test shows what the page saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Where screenshots go: next to the test assembly, so every run (local or CI) finds them in one place.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _name;

    private BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output, string name)
    {
        _context = context;
        Page = page;
        _output = output;
        _name = name;
    }

    public IPage Page { get; }

    /// <summary>The console's live-connection chip: "live" once the page's circuit is up and the UI is interactive.</summary>
    public ILocator ConnectionIndicator => Page.Locator("#connection-indicator");

    internal static async Task<BrowserSession> OpenAsync(IBrowserContext context, ITestOutputHelper output, string name)
    {
        var session = new BrowserSession(context, await context.NewPageAsync(), output, name);
        session.Page.Console += (_, message) =>
        {
            // "Failed to load resource" carries no URL; the request handlers below log those with theirs.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                session.Log($"console {message.Type}: {message.Text}");
            }
        };
        session.Page.PageError += (_, error) => session.Log($"page error: {error}");
        session.Page.RequestFailed += (_, request) =>
        {
            // Third-party requests are aborted on purpose (see ChromiumFixture); only the hub's own failures matter.
            if (request.Failure?.Contains("ERR_BLOCKED_BY_CLIENT", StringComparison.Ordinal) != true)
            {
                session.Log($"request failed: {request.Url} ({request.Failure})");
            }
        };
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session.Log($"HTTP {response.Status} {response.Url}");
            }
        };
        return session;
    }

    /// <summary>Posts the real sign-in form; the caller checks where it landed.</summary>
    public async Task SubmitSignInAsync(string email, string password)
    {
        await Page.GotoAsync("account/login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#sign-in").ClickAsync();
    }

    /// <summary>Signs in through the form and waits until the console is interactive (clicks would be lost before that).</summary>
    public async Task SignInAsync(string email, string password)
    {
        await SubmitSignInAsync(email, password);
        // A rejected sign-in then fails here, naming the login page, rather than as a missing connection chip.
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
        await WaitUntilLiveAsync();
    }

    public async Task WaitUntilLiveAsync() => await Expect(ConnectionIndicator).ToHaveAttributeAsync("data-state", "live");

    /// <summary>Saves what the viewport shows under <see cref="ScreenshotFolder"/> and prints its path.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, fileName);
        await Page.ScreenshotAsync(new() { Path = path });
        Log($"screenshot: {path}");
        return path;
    }

    private void Log(string line)
    {
        try
        {
            _output.WriteLine($"[{_name}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The browser can still report things while the context closes, after xunit has finished the test.
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
