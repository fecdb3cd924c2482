namespace RealtyHub.Grains.Requests;

/// <summary>Expert dispatch timings (section <c>RealtyHub:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string Section = "RealtyHub:Dispatch";

    /// <summary>How long an expert has to accept an offer before it moves to the next expert.</summary>
    public TimeSpan OfferLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an expert may hold a request before it escalates to supervisors and can be reclaimed.</summary>
    public TimeSpan DeliverySla { get; set; } = TimeSpan.FromHours(2);
}
