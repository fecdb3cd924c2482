using System.Text.RegularExpressions;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// Keyword and phrase rules per kind, tried in a fixed precedence; the first kind with a matching rule wins:
/// <list type="number">
/// <item><see cref="RequestKind.DocumentCheck"/>: "compliance"/"compliant", or a checking verb and a document noun in
/// one sentence ("check the contract", "review the ad for unit 1203"). First, because a check names the thing it
/// checks ("check the listing description") and that thing must not win.</item>
/// <item><see cref="RequestKind.MarketReport"/>: "CMA", "market report/analysis/update", comparables, valuation,
/// "worth", "how much is". Before the writing kinds: "a CMA to send Sara" is the report, not the message.</item>
/// <item><see cref="RequestKind.SocialPost"/>: Instagram, Facebook, LinkedIn, TikTok, "post", caption, hashtags.
/// Before listing copy: "an Instagram post for the new listing" is a post.</item>
/// <item><see cref="RequestKind.ListingDescription"/>: "listing description/copy", "description", "marketing copy",
/// advert, brochure, "write a listing", the portals (Bayut, Property Finder, Dubizzle).</item>
/// <item><see cref="RequestKind.FollowUpMessage"/>: "follow up", "message/email/WhatsApp to", remind, nudge,
/// "check in with", "get back to", reply.</item>
/// <item><see cref="RequestKind.KnowledgeAnswer"/>: everything else (questions, and Arabic with none of the
/// keywords below).</item>
/// </list>
/// Arabic: a few keywords per kind (تقرير، تقييم، وصف، إعلان، منشور، متابعة، رسالة، عقد، امتثال), matched as
/// substrings because Arabic attaches the article and prepositions to the word (التقرير، بالعقد).
/// </summary>
internal static partial class RequestKindRules
{
    private static readonly (RequestKind Kind, Regex[] Rules)[] InPrecedence =
    [
        (RequestKind.DocumentCheck, [Compliance(), CheckVerbThenDocument(), DocumentThenCheckVerb(), ArabicDocumentCheck()]),
        (RequestKind.MarketReport, [MarketReport(), ArabicMarketReport()]),
        (RequestKind.SocialPost, [SocialPost(), ArabicSocialPost()]),
        (RequestKind.ListingDescription, [ListingDescription(), ArabicListingDescription()]),
        (RequestKind.FollowUpMessage, [FollowUp(), ArabicFollowUp()]),
    ];

    public static RequestKind Classify(string text)
    {
        foreach (var (kind, rules) in InPrecedence)
        {
            if (rules.Any(rule => rule.IsMatch(text)))
            {
                return kind;
            }
        }

        return RequestKind.KnowledgeAnswer;
    }

    [GeneratedRegex(@"\b(compliance|compliant|comply|complies|non-compliant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Compliance();

    // "check in with Sara" is a follow-up, not a check; [^.?!\n]* keeps verb and noun in one sentence.
    [GeneratedRegex(@"\b(check(?!\s+in\b)|checking|review|verify|validate|audit|proof-?read|vet)\w*\b[^.?!\n]*\b(contracts?|mou|form\s+[a-i]|title\s+deeds?|ejari|noc|documents?|docs?|agreements?|spa|permits?|passports?|emirates\s+id|tenancy|lease|adverts?|ads?|listings?|brochures?|paperwork|kyc)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckVerbThenDocument();

    [GeneratedRegex(@"\b(contracts?|mou|form\s+[a-i]|title\s+deeds?|ejari|noc|documents?|agreements?|spa|paperwork|kyc)\b[^.?!\n]*\b(check|review|verify|validate|audit|proof-?read)\w*\b(?!\s+in\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentThenCheckVerb();

    [GeneratedRegex("امتثال|عقد|مراجعة|تدقيق")]
    private static partial Regex ArabicDocumentCheck();

    [GeneratedRegex(@"\b(cma|comparative\s+market|market\s+(report|analysis|update|overview|study|trends?|value)|comparables?|comps|valuations?|valu(e|ing)\s+(of|for)|appraisal|worth|price\s+(trends?|history|per\s+sq)|how\s+much\s+(is|are|would|could|can|should))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarketReport();

    [GeneratedRegex("تقرير|تقييم|السوق|مقارنة")]
    private static partial Regex ArabicMarketReport();

    // "post-handover" is a payment plan, not a post.
    [GeneratedRegex(@"\b(instagram|insta|facebook|linkedin|tiktok|twitter|tweet|reels?|social(\s+media)?|post(?!-)|caption|hashtags?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SocialPost();

    [GeneratedRegex("منشور|انستغرام|انستقرام|تواصل الاجتماعي")]
    private static partial Regex ArabicSocialPost();

    [GeneratedRegex(@"\b(listing\s+(description|copy|text|ad|advert)|descriptions?|describe|marketing\s+(copy|text|blurb)|ad\s+copy|advert(isement)?|brochure|blurb|write-?up|(write|draft|create|prepare|make)\s+(a|an|the)?\s*(new\s+)?listing|property\s*finder|bayut|dubizzle)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListingDescription();

    [GeneratedRegex("وصف|إعلان|اعلان")]
    private static partial Regex ArabicListingDescription();

    [GeneratedRegex(@"\b(follow[\s-]?up|followup|(message|email|e-mail|whatsapp|text|sms|note|letter)\s+(to|for)|remind|nudge|ping|chase|check\s+in\s+with|get\s+back\s+to|reply|respond|thank[\s-]you)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUp();

    [GeneratedRegex("متابعة|رسالة|تذكير")]
    private static partial Regex ArabicFollowUp();
}
