using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Turns a deadline phrase into a date, counted from <c>today</c>. Tried in this order, the first that matches wins:
/// an explicit date ("2026-11-30", "by 30/11", "30 Nov", "Nov 30th"; without a year the next such date on or after
/// today), "day after tomorrow", "tomorrow", "today"/"tonight"/"end of day"/"EOD"/"COB", "end of week" (the coming
/// Friday: the UAE work week is Monday–Friday), "end of month", "in/within N days/weeks", and a weekday ("by Friday",
/// "on Fri": the soonest such day on or after today; "next Friday": the soonest after today).
/// </summary>
internal static partial class DeadlineRules
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    public static DateOnly? Find(string text, DateOnly today) =>
        ExplicitDate(text, today)
        ?? When(DayAfterTomorrow(), text, today.AddDays(2))
        ?? When(Tomorrow(), text, today.AddDays(1))
        ?? When(Today(), text, today)
        ?? When(EndOfWeek(), text, NextOnOrAfter(today, DayOfWeek.Friday))
        ?? When(EndOfMonth(), text, new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)))
        ?? InSomeDays(text, today)
        ?? Weekday(text, today);

    private static DateOnly? When(Regex rule, string text, DateOnly date) => rule.IsMatch(text) ? date : null;

    private static DateOnly? ExplicitDate(string text, DateOnly today)
    {
        if (Iso().Match(text) is { Success: true } iso && TryDate(Int(iso, "y"), Int(iso, "m"), Int(iso, "d")) is { } isoDate)
        {
            return isoDate;
        }

        // Day first, as written in the UAE.
        if (Numeric().Match(text) is { Success: true } numeric)
        {
            var date = numeric.Groups["y"].Success
                ? TryDate(FullYear(Int(numeric, "y")), Int(numeric, "m"), Int(numeric, "d"))
                : Upcoming(today, Int(numeric, "m"), Int(numeric, "d"));
            if (date is not null)
            {
                return date;
            }
        }

        var named = DayMonth().Match(text) is { Success: true } dayMonth ? dayMonth : MonthDay().Match(text);
        if (named.Success)
        {
            var month = Array.IndexOf(Months, named.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
            return named.Groups["y"].Success
                ? TryDate(Int(named, "y"), month, Int(named, "d"))
                : Upcoming(today, month, Int(named, "d"));
        }

        return null;
    }

    private static DateOnly? InSomeDays(string text, DateOnly today)
    {
        var match = InDays().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var count = SmallNumbers.TryGetValue(match.Groups["n"].Value, out var word) ? word : int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var perUnit = match.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 : 1;
        return today.AddDays(count * perUnit);
    }

    private static DateOnly? Weekday(string text, DateOnly today)
    {
        var match = WeekdayName().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["day"].Value[..3].ToLowerInvariant();
        var day = Enum.GetValues<DayOfWeek>().First(d => d.ToString()[..3].Equals(name, StringComparison.OrdinalIgnoreCase));
        var strictlyAfter = match.Groups["next"].Success;
        return NextOnOrAfter(strictlyAfter ? today.AddDays(1) : today, day);
    }

    private static DateOnly NextOnOrAfter(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    /// <summary>A day and month without a year: this year's, or next year's once this year's has passed.</summary>
    private static DateOnly? Upcoming(DateOnly today, int month, int day) =>
        TryDate(today.Year, month, day) is { } date && date >= today ? date : TryDate(today.Year + 1, month, day);

    private static DateOnly? TryDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is >= 2000 and <= 2100 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex Iso();

    // Without a year only after a deadline word: "24/7" is not a date.
    [GeneratedRegex(@"(\b(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4}|\d{2})\b)|(\b(by|on|before|until|till|due)\s+(?<d>\d{1,2})/(?<m>\d{1,2})\b(?!/))", RegexOptions.IgnoreCase)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?(,?\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?\b(,?\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\bday\s+after\s+tomorrow\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayAfterTomorrow();

    [GeneratedRegex(@"\b(tomorrow|tmrw|tmr|tomorow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(today|tonight|end\s+of\s+(the\s+)?day|eod|cob|close\s+of\s+business|this\s+(morning|afternoon|evening))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(end\s+of\s+(the\s+)?week|eow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfWeek();

    [GeneratedRegex(@"\b(end\s+of\s+(the\s+)?month|eom)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfMonth();

    [GeneratedRegex(@"\b(in|within)\s+(?<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<unit>days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InDays();

    // Full names anywhere; abbreviations only after a deadline word ("sat" and "sun" are words too).
    [GeneratedRegex(@"(\b((?<next>next)|by|on|before|until|till|this|coming)\s+)?\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b((?<next>next)|by|on|before|until|till|this|coming)\s+(?<day>mon|tues?|wed|thu(rs?)?|fri|sat|sun)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayName();
}
