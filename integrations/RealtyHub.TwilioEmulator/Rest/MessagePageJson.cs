namespace RealtyHub.TwilioEmulator.Rest;

/// <summary>A page of Twilio's Messages list (https://www.twilio.com/docs/usage/twilios-response#response-formats-list-paging-information).</summary>
internal sealed record MessagePageJson(
    IReadOnlyList<MessageResourceJson> Messages,
    int Page,
    int PageSize,
    int Start,
    int End,
    string Uri,
    string FirstPageUri,
    string? NextPageUri,
    string? PreviousPageUri);
