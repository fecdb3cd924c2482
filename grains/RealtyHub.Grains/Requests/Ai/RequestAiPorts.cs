using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Leads;

namespace RealtyHub.Grains.Requests.Ai;

/// <summary>What understanding made of a request: its kind, the entities named, and a question when essentials are missing.</summary>
public sealed record RequestUnderstanding(RequestKind Kind, RequestEntities Entities, string? MissingInfoQuestion, string ProducedBy);

/// <summary>Everything a drafter may use; the hub collects it (lead, conversation excerpt, knowledge hits) before drafting.</summary>
public sealed record DraftInput(
    string BrokerageId,
    string BrokerageName,
    string AgentName,
    string RequestText,
    RequestKind Kind,
    RequestEntities Entities,
    LeadSnapshot? Lead,
    IReadOnlyList<ChatMessage> ConversationExcerpt,
    IReadOnlyList<KnowledgeHit> Knowledge,
    IReadOnlyList<string> AgentAnswers);

/// <summary>A passage of a brokerage document that matched a search.</summary>
public sealed record KnowledgeHit(string DocumentId, string Title, string Snippet, double Rank);

/// <summary>Turns a request's words into a kind and entities (an LLM, or the deterministic classifier when none is configured).</summary>
public interface IRequestUnderstander
{
    Task<RequestUnderstanding> UnderstandAsync(string brokerageId, string text, CancellationToken cancellationToken = default);
}

/// <summary>Writes the first draft (an LLM, or honest labelled templates from the hub's data when none is configured).</summary>
public interface IRequestDrafter
{
    Task<RequestDraft> DraftAsync(DraftInput input, CancellationToken cancellationToken = default);
}

/// <summary>The brokerage's documents (policies, scripts, area guides), searched with PostgreSQL full-text search.</summary>
public interface IKnowledgeSearch
{
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string brokerageId, string query, int limit, CancellationToken cancellationToken = default);
}

/// <summary>Checks a draft against the brokerage's compliance rules (e.g. an advert must carry a RERA permit number).</summary>
public interface IComplianceChecker
{
    Task<IReadOnlyList<ComplianceFinding>> CheckAsync(string brokerageId, RequestKind kind, string markdown, CancellationToken cancellationToken = default);
}

/// <summary>The brokerage's daily AI allowance is used up; the message says so plainly and when it resets.</summary>
public sealed class AiBudgetExceededException : Exception
{
    public AiBudgetExceededException()
    {
    }

    public AiBudgetExceededException(string message)
        : base(message)
    {
    }

    public AiBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The AI service failed (timed out, refused, answered nonsense) after its retries; the request can be retried.</summary>
public sealed class AiUnavailableException : Exception
{
    public AiUnavailableException()
    {
    }

    public AiUnavailableException(string message)
        : base(message)
    {
    }

    public AiUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
