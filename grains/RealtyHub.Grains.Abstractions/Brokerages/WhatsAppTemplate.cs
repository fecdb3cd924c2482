namespace RealtyHub.Grains.Brokerages;

/// <summary>
/// A WhatsApp template the brokerage has approved with Meta: the only way to write to a client outside the 24-hour
/// window. <see cref="ContentSid"/> is Twilio's content id (<c>HX…</c>); <see cref="Body"/> shows the placeholders
/// <c>{{1}}</c>, <c>{{2}}</c>… the agent fills in.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.whatsapp-template")]
public sealed record WhatsAppTemplate(
    [property: Id(0)] string ContentSid,
    [property: Id(1)] string Name,
    [property: Id(2)] string Body)
{
    /// <summary>How many placeholders the body has.</summary>
    public int VariableCount => Enumerable.Range(1, 9).Count(i => Body.Contains("{{" + i + "}}", StringComparison.Ordinal));

    /// <summary>The body with the given values in place of the placeholders.</summary>
    public string Render(IReadOnlyDictionary<string, string> variables) =>
        variables.Aggregate(Body, (text, v) => text.Replace("{{" + v.Key + "}}", v.Value, StringComparison.Ordinal));
}
