namespace RealtyHub.Grains.Requests.Ai;

/// <summary>
/// The deterministic understander used when no AI model is configured (and as the fallback when a model's answer is
/// unusable): the kind from <see cref="RequestKindRules"/> (keyword rules in a documented precedence), the area from
/// <see cref="DubaiAreas"/>, then property, client, price and deadline rules. Deadlines count from today in the
/// <see cref="TimeProvider"/>'s local time zone (the machine's, unless the host registers another clock).
/// Arabic: the kind from a few Arabic keywords and the areas' Arabic names; no names, prices or dates.
/// </summary>
public sealed class RuleBasedUnderstander(TimeProvider clock) : IRequestUnderstander
{
    /// <summary>What <see cref="RequestUnderstanding.ProducedBy"/> says for this understander.</summary>
    public const string Producer = "rules";

    public Task<RequestUnderstanding> UnderstandAsync(string brokerageId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Task.FromResult(Understand(text));
    }

    /// <summary>The same as <see cref="UnderstandAsync"/>, synchronously (the rules do no I/O).</summary>
    public RequestUnderstanding Understand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var kind = RequestKindRules.Classify(text);
        var entities = new RequestEntities(
            Property: PropertyRules.Find(text),
            Area: DubaiAreas.Find(text)?.Name,
            ClientName: ClientNameRules.Find(text),
            Price: PriceRules.Find(text),
            Deadline: DeadlineRules.Find(text, today));
        return new RequestUnderstanding(kind, entities, MissingInfoQuestion(kind, entities), Producer);
    }

    /// <summary>
    /// The question to ask the agent when a request lacks what its kind cannot do without: a market report names
    /// neither a property nor an area, or a follow-up names no client. Null when nothing essential is missing.
    /// </summary>
    public static string? MissingInfoQuestion(RequestKind kind, RequestEntities entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return kind switch
        {
            RequestKind.MarketReport when entities.Property is null && entities.Area is null =>
                "Which property or area should the market report cover?",
            RequestKind.FollowUpMessage when entities.ClientName is null && entities.LeadId is null =>
                "Who is the follow-up for? Please name the client.",
            _ => null,
        };
    }
}
