namespace RealtyHub.Web.Services;

/// <summary>The outcome of a change: the stored value when done, the reasons by field when invalid.</summary>
public sealed record EditResult<T>(EditStatus Status, T? Value = null, IReadOnlyDictionary<string, string[]>? Problems = null)
    where T : class
{
    /// <summary>The reasons as one sentence list, for the console.</summary>
    public string ProblemText => Problems is null ? string.Empty : string.Join(" ", Problems.Values.SelectMany(p => p));
}
