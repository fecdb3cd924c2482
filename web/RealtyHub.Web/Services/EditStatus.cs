namespace RealtyHub.Web.Services;

/// <summary>What became of a change that can also be refused for its content (an upload, a rule).</summary>
public enum EditStatus
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
}
