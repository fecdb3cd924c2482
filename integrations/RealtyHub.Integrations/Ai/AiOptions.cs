namespace RealtyHub.Integrations.Ai;

/// <summary>
/// The AI model the hub drafts with: any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's
/// <c>/openai/v1</c>, Ollama, vLLM, llama.cpp server). Bound from the section <c>RealtyHub:Ai</c> (environment
/// variables <c>RealtyHub__Ai__Endpoint</c>, ...). Without an endpoint and a model the hub drafts honest templates.
/// </summary>
public sealed class AiOptions
{
    /// <summary>The usual configuration section name.</summary>
    public const string SectionName = "RealtyHub:Ai";

    /// <summary>
    /// The API base, to which <c>chat/completions</c> is appended: <c>https://api.openai.com/v1</c>,
    /// <c>http://localhost:11434/v1</c> (Ollama), <c>http://localhost:8000/v1</c> (vLLM), <c>{hub}/llm-emulator/v1</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name, e.g. <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    public string? Model { get; set; }

    /// <summary>The bearer key. Secret: environment only. Local servers that need none may leave it empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take before it is abandoned (and retried). Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 408, 429, 5xx, timeout or network error. Default 2 (three attempts in all).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay, doubled for each later one; a longer Retry-After from the server wins. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tokens (prompt + completion) each brokerage may use per UTC day. Default 200,000; 0 = unlimited.</summary>
    public long DailyTokenBudget { get; set; } = 200_000;

    /// <summary>True when an endpoint and a model are set, so requests go to the model instead of the templates.</summary>
    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
