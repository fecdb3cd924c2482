using System.Globalization;
using MudBlazor;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>One wording and one look for times, countdowns and delivery states across the inbox.</summary>
internal static class InboxFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A list time: the clock today, the weekday this week, the date before that.</summary>
    public static string ListTime(DateTimeOffset at, DateTimeOffset now, InboxContext context)
    {
        var local = context.Local(at);
        var today = context.Local(now).Date;
        return local.Date == today ? local.ToString("HH:mm", Culture)
            : local.Date > today.AddDays(-6) ? local.ToString("ddd", Culture)
            : local.ToString("d MMM", Culture);
    }

    public static string ClockTime(DateTimeOffset at, InboxContext context) => context.Local(at).ToString("HH:mm", Culture);

    public static string FullTime(DateTimeOffset at, InboxContext context) =>
        context.Local(at).ToString("ddd d MMM yyyy, HH:mm:ss", Culture) + " (" + context.TimeZone.Id + ")";

    public static string Day(DateTime localDate, DateTimeOffset now, InboxContext context)
    {
        var today = context.Local(now).Date;
        return localDate == today ? "Today"
            : localDate == today.AddDays(-1) ? "Yesterday"
            : localDate.ToString("dddd, d MMMM yyyy", Culture);
    }

    /// <summary>"23h 05m" for long spans, "4:07" in the last hour.</summary>
    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        return span.TotalHours >= 1
            ? string.Create(Culture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : string.Create(Culture, $"{span.Minutes}:{span.Seconds:00}");
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(Culture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(Culture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(Culture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static string Initials(string? name, string phone)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => phone.Length >= 2 ? phone[^2..] : "#",
            1 => words[0][..1].ToUpperInvariant(),
            _ => string.Concat(words[0][..1], words[^1][..1]).ToUpperInvariant(),
        };
    }

    /// <summary>A soft colour per client, stable across renders and restarts, so a face is easier to find in the list.</summary>
    public static string AvatarStyle(string phone)
    {
        var hue = phone.Aggregate(7, (hash, c) => unchecked((hash * 31) + c)) % 360;
        hue = hue < 0 ? hue + 360 : hue;
        return string.Create(Culture, $"background: hsl({hue}, 45%, 88%); color: hsl({hue}, 55%, 26%);");
    }

    public static string StatusIcon(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => Icons.Material.Outlined.Schedule,
        DeliveryStatus.Sent => Icons.Material.Filled.Done,
        DeliveryStatus.Delivered or DeliveryStatus.Read => Icons.Material.Filled.DoneAll,
        DeliveryStatus.Failed or DeliveryStatus.Undelivered => Icons.Material.Filled.ErrorOutline,
        _ => Icons.Material.Filled.CallReceived,
    };

    public static Color StatusColor(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Read => Color.Info,
        DeliveryStatus.Failed or DeliveryStatus.Undelivered => Color.Error,
        _ => Color.Default,
    };
}
