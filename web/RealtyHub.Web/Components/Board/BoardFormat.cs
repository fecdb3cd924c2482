using System.Globalization;
using MudBlazor;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;

namespace RealtyHub.Web.Components.Board;

/// <summary>One wording for waits, times and alert kinds across the board.</summary>
internal static class BoardFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"1h 05m" for long waits, "4m 07s" for minutes, "12s" for seconds.</summary>
    public static string Span(TimeSpan span)
    {
        span = span < TimeSpan.Zero ? TimeSpan.Zero : span;
        return span.TotalHours >= 1 ? string.Create(Culture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : span.TotalMinutes >= 1 ? string.Create(Culture, $"{span.Minutes}m {span.Seconds:00}s")
            : string.Create(Culture, $"{span.Seconds}s");
    }

    /// <summary>A wait from <paramref name="since"/> until now, or a dash when nobody waits.</summary>
    public static string Wait(DateTimeOffset? since, DateTimeOffset now) => since is { } s ? Span(now - s) : "—";

    /// <summary>A response time from the board's statistics, or a dash when there were no answers.</summary>
    public static string Duration(TimeSpan? span) => span is { } s ? Span(s) : "—";

    public static string Clock(DateTimeOffset at, BoardContext context) => context.Local(at).ToString("HH:mm", Culture);

    public static string ClockSeconds(DateTimeOffset at, BoardContext context) => context.Local(at).ToString("HH:mm:ss", Culture);

    /// <summary>The clock time today, otherwise the date as well.</summary>
    public static string When(DateTimeOffset at, DateTimeOffset now, BoardContext context)
    {
        var local = context.Local(at);
        return local.Date == context.Local(now).Date
            ? local.ToString("HH:mm", Culture)
            : local.ToString("d MMM HH:mm", Culture);
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", Culture) : "—";

    /// <summary>Waits past this are shown as a warning; the alert threshold itself is the board grain's business.</summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromMinutes(5);

    public static Color WaitColor(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } s && now - s >= LongWait ? Color.Error : since is null ? Color.Default : Color.Warning;

    /// <summary>Sort order for presence: who can take work first.</summary>
    public static int PresenceRank(AgentPresence presence) => presence switch
    {
        AgentPresence.Online => 0,
        AgentPresence.Busy => 1,
        AgentPresence.Away => 2,
        _ => 3,
    };

    public static string AlertTitle(string kind) => kind switch
    {
        AlertKinds.LeadWaiting => "Lead waiting",
        AlertKinds.FirstResponseSla => "First-response SLA breached",
        AlertKinds.AgentOverCapacity => "Agent over capacity",
        AlertKinds.ExpertBacklog => "Expert backlog",
        AlertKinds.RequestSla => "Request SLA breached",
        _ => "Alert",
    };

    public static string AlertIcon(string kind) => kind switch
    {
        AlertKinds.LeadWaiting => Icons.Material.Filled.HourglassBottom,
        AlertKinds.FirstResponseSla => Icons.Material.Filled.TimerOff,
        AlertKinds.AgentOverCapacity => Icons.Material.Filled.GroupAdd,
        AlertKinds.ExpertBacklog => Icons.Material.Filled.Inventory,
        AlertKinds.RequestSla => Icons.Material.Filled.AssignmentLate,
        _ => Icons.Material.Filled.NotificationsActive,
    };

    public static Severity AlertSeverity(string kind) => kind switch
    {
        AlertKinds.FirstResponseSla or AlertKinds.RequestSla => Severity.Error,
        _ => Severity.Warning,
    };

    /// <summary>"AwaitingExpert" → "Awaiting expert".</summary>
    public static string StateName(string state)
    {
        var words = new System.Text.StringBuilder(state.Length + 4);
        for (var i = 0; i < state.Length; i++)
        {
            var c = state[i];
            if (i > 0 && char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
