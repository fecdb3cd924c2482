using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains;

public static class GrainServices
{
    /// <summary>
    /// Services the grains need besides Orleans itself. Expects an <see cref="Npgsql.NpgsqlDataSource"/>
    /// to be registered by the host.
    /// </summary>
    public static IServiceCollection AddRealtyHubGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<ILeadDirectory, LeadDirectory>();
        services.TryAddSingleton<IConversationStore, ConversationStore>();
        services.TryAddSingleton<IWhatsAppNumbers, WhatsAppNumbers>();
        services.TryAddSingleton<IMediaStore, MediaStore>();
        services.TryAddSingleton<IAgentActivityLog, AgentActivityLog>();
        services.TryAddSingleton<IAgentKpiStore, AgentKpiStore>();
        services.TryAddSingleton<IRequestStore, RequestStore>();
        services.AddOptions<DispatchOptions>();
        services.TryAddSingleton<IKnowledgeBase, KnowledgeBase>();
        services.TryAddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<IKnowledgeBase>());
        services.TryAddSingleton<IComplianceRules, ComplianceRules>();
        services.TryAddSingleton<IComplianceChecker, ComplianceChecker>();
        services.TryAddSingleton<IRequestUnderstander, RuleBasedUnderstander>();
        services.TryAddSingleton<IRequestDrafter, TemplateDrafter>();
        services.TryAddSingleton<IVoiceCallStore, VoiceCallStore>();
        services.TryAddSingleton<ISpeechToText, NoSpeechEngine>();
        return services;
    }
}
