namespace RealtyHub.Web.Services;

/// <summary>
/// One agent's KPIs summed over a period. Counts add up day by day (a conversation handled on two days counts on
/// both). <see cref="FirstResponseMedianMs"/> is the daily medians averaged with each day weighted by its number of
/// first responses (medians of days cannot be merged exactly); <see cref="AverageRating"/> is exact.
/// </summary>
public sealed record AgentKpiTotals(
    int DaysActive,
    int ConversationsHandled,
    int MessagesSent,
    long? FirstResponseMedianMs,
    int FirstResponses,
    int LeadsAdvanced,
    int RequestsMade,
    decimal? AverageRating,
    int Ratings)
{
    public static AgentKpiTotals Of(IEnumerable<KpiDay> days)
    {
        var list = days.ToList();
        var firstResponses = list.Sum(d => d.FirstResponses);
        var ratings = list.Sum(d => d.Ratings);
        var weightedResponse = list.Where(d => d.FirstResponseMedianMs is not null).Sum(d => (decimal)d.FirstResponseMedianMs!.Value * d.FirstResponses);
        var weightedRating = list.Where(d => d.AverageRating is not null).Sum(d => d.AverageRating!.Value * d.Ratings);
        return new(
            list.Count(d => d.IsActive),
            list.Sum(d => d.ConversationsHandled),
            list.Sum(d => d.MessagesSent),
            firstResponses == 0 ? null : (long)Math.Round(weightedResponse / firstResponses, MidpointRounding.AwayFromZero),
            firstResponses,
            list.Sum(d => d.LeadsAdvanced),
            list.Sum(d => d.RequestsMade),
            ratings == 0 ? null : Math.Round(weightedRating / ratings, 2, MidpointRounding.AwayFromZero),
            ratings);
    }
}
