using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Api;

/// <summary>
/// Team performance (daily per-agent KPIs) as JSON and CSV, for supervisors and owners:
/// <c>GET .../kpis?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> and <c>GET .../kpis.csv</c> (same query). Without dates: the
/// last 30 days up to today in the brokerage's time zone.
/// </summary>
public static class TeamPerformanceApi
{
    /// <summary>Maps into the <c>/api/brokerages/{brokerageId}</c> group, so its tenancy filter guards these too.</summary>
    public static RouteGroupBuilder MapTeamPerformanceApi(this RouteGroupBuilder group)
    {
        group.MapGet("/kpis", GetAsync).RequireAuthorization(HubPolicies.Board);
        group.MapGet("/kpis.csv", GetCsvAsync).RequireAuthorization(HubPolicies.Board);
        return group;
    }

    private static async Task<Results<Ok<TeamPerformance>, NotFound, ForbidHttpResult, ValidationProblem>> GetAsync(
        string brokerageId, string? from, string? to, ClaimsPrincipal caller, TeamPerformanceService team)
    {
        if (Invalid(from, to) is { } problem)
        {
            return problem;
        }

        var answer = await team.GetAsync(caller, brokerageId, Date(from), Date(to));
        return answer.Status switch
        {
            TeamPerformanceStatus.Ready => TypedResults.Ok(answer.Performance!),
            TeamPerformanceStatus.Forbidden => TypedResults.Forbid(),
            TeamPerformanceStatus.InvalidPeriod => PeriodProblem(answer.Problem!),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult, ValidationProblem>> GetCsvAsync(
        string brokerageId, string? from, string? to, ClaimsPrincipal caller, TeamPerformanceService team)
    {
        if (Invalid(from, to) is { } problem)
        {
            return problem;
        }

        var answer = await team.GetAsync(caller, brokerageId, Date(from), Date(to));
        return answer.Status switch
        {
            TeamPerformanceStatus.Ready => TypedResults.File(
                Encoding.UTF8.GetBytes(TeamPerformanceCsv.Write(answer.Performance!)),
                TeamPerformanceCsv.ContentType,
                TeamPerformanceCsv.FileName(answer.Performance!)),
            TeamPerformanceStatus.Forbidden => TypedResults.Forbid(),
            TeamPerformanceStatus.InvalidPeriod => PeriodProblem(answer.Problem!),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>A validation problem for dates that are not <c>yyyy-MM-dd</c>, or <c>null</c> when both are fine (or absent).</summary>
    private static ValidationProblem? Invalid(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is not null && !TryDate(value, out _))
            {
                errors[name] = [$"'{value}' is not a date: use yyyy-MM-dd, e.g. 2026-03-01."];
            }
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static ValidationProblem PeriodProblem(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [reason] });

    private static DateOnly? Date(string? value) => value is not null && TryDate(value, out var date) ? date : null;

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
