using System.Globalization;
using MudBlazor;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Web.Components.Requests;

/// <summary>One wording and colour for request states, kinds, priorities, ages and countdowns on both pages.</summary>
public static class RequestFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string State(RequestState state) => state switch
    {
        RequestState.AwaitingExpert => "Waiting for expert",
        RequestState.InReview => "In review",
        RequestState.NeedsInfo => "Needs info",
        _ => state.ToString(),
    };

    public static Color StateColor(RequestState state) => state switch
    {
        RequestState.Received or RequestState.Transcribing or RequestState.Understanding or RequestState.Drafting => Color.Info,
        RequestState.AwaitingExpert => Color.Warning,
        RequestState.InReview => Color.Primary,
        RequestState.NeedsInfo => Color.Secondary,
        RequestState.Delivered => Color.Success,
        RequestState.Failed or RequestState.Rejected => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The state's colour as a CSS value (MudBlazor's palette variables).</summary>
    public static string StateCss(RequestState state) => StateColor(state) switch
    {
        Color.Default => "#9aa4ae",
        var color => $"var(--mud-palette-{color.ToString().ToLowerInvariant()})",
    };

    public static string StateIcon(RequestState state) => state switch
    {
        RequestState.Received => Icons.Material.Filled.Inbox,
        RequestState.Transcribing => Icons.Material.Filled.GraphicEq,
        RequestState.Understanding => Icons.Material.Filled.Psychology,
        RequestState.Drafting => Icons.Material.Filled.EditNote,
        RequestState.AwaitingExpert => Icons.Material.Filled.HourglassTop,
        RequestState.InReview => Icons.Material.Filled.RateReview,
        RequestState.NeedsInfo => Icons.Material.Filled.HelpOutline,
        RequestState.Delivered => Icons.Material.Filled.TaskAlt,
        RequestState.Rejected => Icons.Material.Filled.Block,
        RequestState.Cancelled => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Filled.ErrorOutline,
    };

    /// <summary>The AI is still working on it: the agent sees a progress bar.</summary>
    public static bool IsAiWorking(RequestState state) =>
        state is RequestState.Received or RequestState.Transcribing or RequestState.Understanding or RequestState.Drafting;

    /// <summary>An expert holds it (the supervisors' reclaim applies).</summary>
    public static bool IsClaimed(RequestState state) => state is RequestState.InReview or RequestState.NeedsInfo;

    public static string Kind(RequestKind kind) => kind switch
    {
        RequestKind.MarketReport => "Market report",
        RequestKind.ListingDescription => "Listing description",
        RequestKind.SocialPost => "Social post",
        RequestKind.FollowUpMessage => "Follow-up message",
        RequestKind.DocumentCheck => "Document check",
        _ => "Knowledge answer",
    };

    public static string Kind(RequestKind? kind) => kind is { } k ? Kind(k) : "Not understood yet";

    public static Color PriorityColor(RequestPriority priority) => priority switch
    {
        RequestPriority.Urgent => Color.Error,
        RequestPriority.High => Color.Warning,
        RequestPriority.Low => Color.Default,
        _ => Color.Info,
    };

    /// <summary>"just now", "4 min", "2 h", "3 d": how long ago, for lists.</summary>
    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var age = now - since;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? string.Create(Culture, $"{(int)age.TotalMinutes} min")
            : age.TotalDays < 1 ? string.Create(Culture, $"{(int)age.TotalHours} h")
            : string.Create(Culture, $"{(int)age.TotalDays} d");
    }

    /// <summary>"1:05" left on an offer, or "0:00" once it ran out.</summary>
    public static string Countdown(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        left = left < TimeSpan.Zero ? TimeSpan.Zero : left;
        return left.TotalHours >= 1
            ? string.Create(Culture, $"{(int)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00}")
            : string.Create(Culture, $"{(int)left.TotalMinutes}:{left.Seconds:00}");
    }

    /// <summary>"due in 1h 20m" or "overdue by 12m".</summary>
    public static string Due(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var left = dueAt - now;
        var span = left.Duration();
        var text = span.TotalHours >= 1 ? string.Create(Culture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : span.TotalMinutes >= 1 ? string.Create(Culture, $"{(int)span.TotalMinutes}m")
            : string.Create(Culture, $"{span.Seconds}s");
        return left >= TimeSpan.Zero ? $"due in {text}" : $"overdue by {text}";
    }

    public static string Clock(DateTimeOffset at, RequestsContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var local = context.Local(at);
        return local.Date == context.Local(now).Date
            ? local.ToString("HH:mm:ss", Culture)
            : local.ToString("d MMM HH:mm", Culture);
    }

    public static string Money(decimal amount) => string.Create(Culture, $"AED {amount:N0}");
}
