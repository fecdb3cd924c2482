using System.Globalization;
using System.Text;

namespace RealtyHub.Web.Services;

/// <summary>
/// The team performance as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
/// quoted, quotes doubled), one row per agent per day, numbers in the invariant culture.
/// </summary>
public static class TeamPerformanceCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "day", "agent_id", "agent_name", "conversations_handled", "messages_sent", "first_response_median_ms", "first_responses",
        "leads_advanced", "requests_made", "average_rating", "ratings",
    ];

    public static string FileName(TeamPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        return string.Create(CultureInfo.InvariantCulture, $"kpis-{performance.BrokerageId}-{performance.From:yyyy-MM-dd}-to-{performance.To:yyyy-MM-dd}.csv");
    }

    public static string Write(TeamPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        var rows = performance.Agents
            .SelectMany(agent => agent.Days.Select(day => (Agent: agent, Day: day)))
            .OrderBy(row => row.Day.Day);
        foreach (var (agent, day) in rows)
        {
            AppendRow(csv,
            [
                day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                agent.AgentId,
                Defused(agent.Name),
                Number(day.ConversationsHandled),
                Number(day.MessagesSent),
                day.FirstResponseMedianMs?.ToString(CultureInfo.InvariantCulture) ?? "",
                Number(day.FirstResponses),
                Number(day.LeadsAdvanced),
                Number(day.RequestsMade),
                day.AverageRating?.ToString(CultureInfo.InvariantCulture) ?? "",
                Number(day.Ratings),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One field, quoted when RFC 4180 requires it.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Spreadsheets run a cell starting with = + - @ as a formula, so a member's name could carry one (OWASP "CSV
    /// injection"): such names get a leading apostrophe, which spreadsheets show as plain text.
    /// </summary>
    private static string Defused(string name) => name.Length > 0 && "=+-@\t\r".Contains(name[0], StringComparison.Ordinal) ? "'" + name : name;
}
