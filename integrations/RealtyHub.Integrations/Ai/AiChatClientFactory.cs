using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace RealtyHub.Integrations.Ai;

/// <summary>Builds the <see cref="IChatClient"/> for <see cref="AiOptions"/> through the official OpenAI client.</summary>
public static class AiChatClientFactory
{
    /// <summary>Local servers (Ollama, llama.cpp) ignore the key, but the OpenAI client refuses an empty one.</summary>
    private const string NoKey = "no-key";

    /// <summary>
    /// A chat client for the configured endpoint and model. Time-outs and retries live in the OpenAI client's own
    /// pipeline (<see cref="AiRetryPolicy"/>, <c>NetworkTimeout</c> per attempt) rather than in a second resilience
    /// layer around it: stacked policies would multiply the attempts (3 × 3) and the pipeline already knows which
    /// failures are transient.
    /// </summary>
    public static IChatClient Create(AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException($"{AiOptions.SectionName}:Endpoint and :Model must be set to use an AI model.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new AiRetryPolicy(Math.Max(0, options.MaxRetries), options.RetryBaseDelay),
        };
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
