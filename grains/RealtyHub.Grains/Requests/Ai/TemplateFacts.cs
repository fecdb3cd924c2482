namespace RealtyHub.Grains.Requests.Ai;

/// <summary>The facts a template may use: the request's entities first, the lead's record where the request is silent.</summary>
internal sealed record TemplateFacts(
    string? ClientName,
    string? Stage,
    string? Property,
    string? Area,
    decimal? Budget,
    decimal? Price,
    DateOnly? Deadline,
    string? LeadNotes)
{
    public static TemplateFacts From(DraftInput input)
    {
        var lead = input.Lead?.Details;
        return new TemplateFacts(
            ClientName: lead?.Name ?? input.Entities.ClientName,
            Stage: input.Lead?.Stage.ToString(),
            Property: input.Entities.Property,
            Area: input.Entities.Area ?? lead?.Area,
            Budget: lead?.BudgetAed,
            Price: input.Entities.Price,
            Deadline: input.Entities.Deadline,
            LeadNotes: lead?.Notes);
    }

    /// <summary>What the request is about, as words: the property, else the area.</summary>
    public string? Subject => Property is not null && Area is not null && !Property.Contains(Area, StringComparison.OrdinalIgnoreCase)
        ? $"{Property}, {Area}"
        : Property ?? Area;

    public string FirstName => ClientName?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var title, var surname, ..] && title.TrimEnd('.') is "Mr" or "Mrs" or "Ms" or "Miss" or "Dr" or "Sheikh" or "Sheikha" or "Madam"
        ? $"{title} {surname}"
        : ClientName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "[to complete: client's name]";
}
