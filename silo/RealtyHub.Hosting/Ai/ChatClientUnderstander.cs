using RealtyHub.Grains.Requests.Ai;

namespace RealtyHub.Hosting.Ai;

/// <summary>
/// Understands a request with the configured model (a JSON answer under a strict schema). When the answer is
/// unusable the rule-based result is returned instead and <see cref="RequestUnderstanding.ProducedBy"/> says so;
/// when the service itself fails the <see cref="AiUnavailableException"/> or <see cref="AiBudgetExceededException"/>
/// from <see cref="AiChat"/> passes to the caller, which decides whether to fall back.
/// </summary>
public sealed class ChatClientUnderstander(AiChat chat, RuleBasedUnderstander rules, TimeProvider clock) : IRequestUnderstander
{
    /// <summary>What <see cref="RequestUnderstanding.ProducedBy"/> says when the model's answer could not be used.</summary>
    public const string FallbackProducer = RuleBasedUnderstander.Producer + " (model answer unusable)";

    public async Task<RequestUnderstanding> UnderstandAsync(string brokerageId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var response = await chat.GetResponseAsync(brokerageId, UnderstandingPrompt.Messages(text, today), UnderstandingPrompt.Options(), cancellationToken);
        if (UnderstandingAnswer.TryRead(response.Text) is not var (kind, entities, question))
        {
            return rules.Understand(text) with { ProducedBy = FallbackProducer };
        }

        // Our own essentials rule first, so a model that forgets to ask still gets the question asked.
        var missing = RuleBasedUnderstander.MissingInfoQuestion(kind, entities) ?? question;
        return new RequestUnderstanding(kind, entities, missing, response.ModelId ?? chat.Model);
    }
}
