using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>Team performance for supervisors and owners: the consistency score, KPIs per agent with a daily trend, CSV export.</summary>
public sealed partial class Team
{
    private ClaimsPrincipal? _user;
    private TeamPerformance? _performance;
    private int _days = TeamPerformanceService.DefaultDays;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamPerformanceService Performance { get; set; } = default!;

    private string CsvUrl => _performance is { } team
        ? string.Create(CultureInfo.InvariantCulture, $"api/brokerages/{Uri.EscapeDataString(team.BrokerageId)}/kpis.csv?from={team.From:yyyy-MM-dd}&to={team.To:yyyy-MM-dd}")
        : string.Empty;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        await LoadAsync();
    }

    private async Task SetDaysAsync(int days)
    {
        _days = days;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_user?.GetBrokerageId() is not { } brokerageId)
        {
            _error = "Your account is not part of a brokerage, so there is no team to show.";
            return;
        }

        try
        {
            var answer = await Performance.GetAsync(_user, brokerageId, days: _days);
            _performance = answer.Performance;
            _error = answer.Status == TeamPerformanceStatus.Ready ? null : "Team performance is for the brokerage's supervisors and owners.";
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The team's KPIs could not be loaded just now. Reload the page in a moment.";
        }
    }

    private static IReadOnlyList<double> MessagesPerDay(AgentPerformance agent) => [.. agent.Days.Select(d => (double)d.MessagesSent)];

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A wait as people say it: "45 s", "2 min 5 s", "1 h 10 min".</summary>
    internal static string Duration(long? milliseconds)
    {
        if (milliseconds is not { } ms)
        {
            return "–";
        }

        var span = TimeSpan.FromMilliseconds(ms);
        return span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s");
    }
}
