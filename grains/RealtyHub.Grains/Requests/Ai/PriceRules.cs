using System.Globalization;
using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Finds a price in dirhams: "2.5M", "AED 2,500,000", "3.2 million", "850k", "1.2bn". A bare number counts only with
/// a currency, a multiplier or thousands separators, so "unit 1203" and "2-bed" are not prices; amounts in another
/// currency ("$2M", "USD 500k") are left out because the entity is in AED.
/// </summary>
internal static partial class PriceRules
{
    public static decimal? Find(string text)
    {
        foreach (Match match in Price().Matches(text))
        {
            var number = match.Groups["number"].Value;
            var multiplier = match.Groups["multiplier"].Value.ToUpperInvariant();
            var hasCurrency = match.Groups["currency"].Success || match.Groups["after"].Success;
            if (OtherCurrencyBefore().IsMatch(text[..match.Index]))
            {
                continue;
            }

            if (!decimal.TryParse(number.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var scaled = value * multiplier switch
            {
                "M" or "MN" or "MLN" or "MILLION" => 1_000_000m,
                "K" or "THOUSAND" => 1_000m,
                "BN" or "BILLION" => 1_000_000_000m,
                _ => 1m,
            };
            if (hasCurrency || multiplier.Length > 0 || (number.Contains(',', StringComparison.Ordinal) && scaled >= 10_000m))
            {
                return scaled;
            }
        }

        return null;
    }

    // "3 months" and "50 m2" are not prices: the multiplier must end the word.
    [GeneratedRegex(@"(?<![\w.,])(?:(?<currency>aed|dhs?|dirhams?)\s*)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?<multiplier>million|mln|mn|m|thousand|k|billion|bn)\b)?(?:\s*(?<after>aed|dhs?|dirhams?)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"(\$|€|£|\b(usd|us\$|eur|gbp))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherCurrencyBefore();
}
