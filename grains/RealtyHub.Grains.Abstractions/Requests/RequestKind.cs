namespace RealtyHub.Grains.Requests;

/// <summary>The kinds of work agents ask for; experts are skilled in some of them.</summary>
[GenerateSerializer, Alias("realtyhub.request-kind")]
public enum RequestKind
{
    /// <summary>Comparative market analysis or market report for a property or an area.</summary>
    MarketReport = 0,

    /// <summary>Listing description and marketing copy.</summary>
    ListingDescription = 1,

    SocialPost = 2,

    /// <summary>A follow-up message to a client.</summary>
    FollowUpMessage = 3,

    /// <summary>A document or compliance check.</summary>
    DocumentCheck = 4,

    /// <summary>A question answered from the brokerage's knowledge base.</summary>
    KnowledgeAnswer = 5,
}

/// <summary>How soon the agent needs it; the expert queue serves higher priority first, then the oldest.</summary>
[GenerateSerializer, Alias("realtyhub.request-priority")]
public enum RequestPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
