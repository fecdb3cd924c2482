using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RealtyHub.Browser.Tests;

/// <summary>
/// One headless Chromium per test class (starting it costs about a second); each test gets its own
/// <see cref="BrowserSession"/>, i.e. its own browser context: no cookies or storage shared between tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The machine's Chromium; Playwright's own download needs internet access the build machines lack.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    // Everything Chromium would otherwise fetch or sync on its own is turned off: the machine is offline and
    // background traffic only slows the run down. No sandbox because the tests run as root in a container.
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // A fake microphone (Chromium's test tone) that needs no permission prompt: spoken requests are recorded for real.
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How long a wait for something on the page may take: the first circuit on a cold two-core machine is slow.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the browser tests need it. Install it with: apt-get update && apt-get install -y chromium");
        }

        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = LaunchArgs });
    }

    /// <summary>A fresh browser context (its own profile: cookies, storage, cache) with one page open.</summary>
    public async Task<BrowserSession> NewSessionAsync(Uri baseAddress, ITestOutputHelper output, string name)
    {
        var context = await (_browser ?? throw new InvalidOperationException("Chromium has not started.")).NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);

        // Only the hub under test answers: third-party requests (web fonts) would otherwise wait on a network the
        // test machines do not have. The console must work without them anyway.
        var hub = baseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(hub, StringComparison.OrdinalIgnoreCase), route => route.AbortAsync("blockedbyclient"));
        return await BrowserSession.OpenAsync(context, output, name);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
