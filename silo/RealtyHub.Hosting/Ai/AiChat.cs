using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// One guarded call to the configured model, shared by the understander and the drafter: the brokerage's daily
/// allowance is checked before and its usage recorded after; time-outs and retries happen inside the OpenAI client
/// (<see cref="AiChatClientFactory"/>); whatever still fails becomes an <see cref="AiUnavailableException"/> that
/// says why. The caller cancelling is not a failure and passes through.
/// </summary>
public sealed partial class AiChat : IDisposable
{
    private readonly IChatClient client;
    private readonly AiOptions options;
    private readonly AiBudget budget;
    private readonly ILogger<AiChat> logger;

    public AiChat(IOptions<AiOptions> options, AiBudget budget, ILogger<AiChat> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.budget = budget;
        this.logger = logger;
        client = AiChatClientFactory.Create(this.options);
    }

    /// <summary>The configured model name.</summary>
    public string Model => options.Model!;

    /// <exception cref="AiBudgetExceededException">The brokerage has used today's allowance.</exception>
    /// <exception cref="AiUnavailableException">The service failed after its retries, timed out, or refused the key.</exception>
    public async Task<ChatResponse> GetResponseAsync(string brokerageId, IList<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await budget.EnsureAvailableAsync(brokerageId, cancellationToken);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, chatOptions, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = AiFailures.Describe(ex, options);
            LogFailed(ex, brokerageId, reason);
            throw new AiUnavailableException(reason, ex);
        }

        // Recorded even if the caller gives up now: the tokens were spent.
        await budget.RecordAsync(brokerageId, response, messages.Sum(m => m.Text.Length), CancellationToken.None);
        return response;
    }

    public void Dispose() => client.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI call for brokerage {BrokerageId} failed: {Reason}")]
    private partial void LogFailed(Exception exception, string brokerageId, string reason);
}
