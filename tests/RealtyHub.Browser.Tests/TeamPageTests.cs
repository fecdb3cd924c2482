using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtyHub.Browser.Tests;

/// <summary>The team performance page as a supervisor uses it: score, agents with trends, period, sorting, CSV.</summary>
[Collection(HubCollection.Name)]
public sealed class TeamPageTests(HubWebFixture hub, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Supervisor_sees_the_consistency_score_and_each_agents_trend_switches_period_and_downloads_csv()
    {
        await using var supervisor = await chromium.NewSessionAsync(hub.BaseAddress, output, "supervisor");
        await supervisor.SignInAsync(HubWebFixture.SupervisorA, HubWebFixture.Password);

        await supervisor.Page.Locator("[data-nav=team]").ClickAsync();

        var page = supervisor.Page;
        await Expect(page.GetByTestId("consistency-score")).ToHaveTextAsync(new Regex("^[0-9]{1,3}$"));
        await Expect(page.GetByTestId("team-sparkline")).Not.ToHaveCountAsync(0);
        Assert.True(await page.GetByTestId("team-agent").CountAsync() >= 6);
        await supervisor.ScreenshotAsync("team-30-days.png");

        await page.GetByTestId("team-period").GetByText("7 days").ClickAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai")).DateTime);
        var weekAgo = today.AddDays(-6).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("team-period-text")).ToContainTextAsync(weekAgo);
        await Expect(page.GetByTestId("team-csv")).ToHaveAttributeAsync("href", new Regex($"kpis\\.csv\\?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}$"));

        // First click sorts ascending, the second descending; each re-render takes a round trip, so wait for it.
        await page.GetByTestId("sort-messages").ClickAsync();
        await MessagesSortedAsync(page, descending: false);
        await page.GetByTestId("sort-messages").ClickAsync();
        await MessagesSortedAsync(page, descending: true);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("team-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        await supervisor.ScreenshotAsync("team-7-days.png");
    }

    private static async Task MessagesSortedAsync(IPage page, bool descending)
    {
        int[] values = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            values = [.. (await page.GetByTestId("team-messages").AllInnerTextsAsync()).Select(int.Parse)];
            if (values.SequenceEqual(descending ? values.OrderDescending() : values.Order()))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"messages column never sorted {(descending ? "descending" : "ascending")}: {string.Join(", ", values)}");
    }
}
