using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Integrations.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// The per-brokerage daily token allowance (<see cref="AiOptions.DailyTokenBudget"/>). Days are UTC days: simple,
/// the same on every silo, and the message says when the allowance resets. The check happens before a call and
/// the usage is recorded after it, so the call that crosses the line completes and the next one is refused; an
/// allowance is a guardrail, not an invoice.
/// </summary>
public sealed class AiBudget(IAiUsageStore usage, IOptions<AiOptions> options, TimeProvider clock)
{
    /// <summary>Throws <see cref="AiBudgetExceededException"/> when the brokerage has used today's allowance.</summary>
    public async Task EnsureAvailableAsync(string brokerageId, CancellationToken cancellationToken = default)
    {
        var budget = options.Value.DailyTokenBudget;
        if (budget <= 0)
        {
            return;
        }

        var used = await usage.TokensUsedAsync(brokerageId, Today(), cancellationToken);
        if (used >= budget)
        {
            throw new AiBudgetExceededException(string.Create(
                CultureInfo.InvariantCulture,
                $"Today's AI allowance for this brokerage ({budget:N0} tokens) is used up; it resets at 00:00 UTC. An expert can still complete the request by hand."));
        }
    }

    /// <summary>
    /// Adds a response's tokens to today's count. Servers that report no usage are charged an estimate (four
    /// characters a token), so a local model without usage reporting cannot bypass the allowance.
    /// </summary>
    public Task RecordAsync(string brokerageId, ChatResponse response, int promptCharacters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var tokens = response.Usage?.TotalTokenCount
            ?? (response.Usage?.InputTokenCount + response.Usage?.OutputTokenCount)
            ?? (promptCharacters + response.Text.Length + 3) / 4;
        return usage.RecordAsync(brokerageId, Today(), tokens, cancellationToken);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
