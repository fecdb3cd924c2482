namespace RealtyHub.Grains.Conversations;

/// <summary>
/// The words that change a client's consent, as WhatsApp users type them (Twilio's standard opt-out and opt-in
/// keywords). The whole message must be the keyword, ignoring case and surrounding spaces or punctuation.
/// </summary>
public static class ConsentKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    /// <summary><c>true</c>: opt out; <c>false</c>: opt in; <c>null</c>: not a consent keyword.</summary>
    public static bool? Classify(string? body)
    {
        var word = body?.Trim().Trim('.', '!', ' ');
        return string.IsNullOrEmpty(word) ? null : OptOut.Contains(word) ? true : OptIn.Contains(word) ? false : null;
    }
}
