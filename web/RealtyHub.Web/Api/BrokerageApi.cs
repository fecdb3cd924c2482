using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;
using System.Security.Claims;

namespace RealtyHub.Web.Api;

/// <summary>Tenant-scoped REST API: everything under <c>/api/brokerages/{brokerageId}</c>.</summary>
public static class BrokerageApi
{
    public static RouteGroupBuilder MapBrokerageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}")
            .RequireAuthorization()
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Brokerages");

        group.MapGet("/", GetBrokerageAsync);
        group.MapGet("/agents", GetAgentsAsync);
        group.MapGet("/agents/{agentId}", GetAgentAsync);
        group.MapPut("/agents/{agentId}/presence", SetPresenceAsync);
        group.MapPut("/agents/{agentId}/whatsapp", SetWhatsAppAsync);
        group.MapGet("/leads", GetLeadsAsync);
        group.MapGet("/leads/{leadId}", GetLeadAsync);
        group.MapPut("/leads/{leadId}/stage", MoveLeadStageAsync);
        group.MapGet("/audit", GetAuditAsync).RequireAuthorization(HubPolicies.Admin);
        group.MapPut("/settings/alerts", UpdateAlertSettingsAsync).RequireAuthorization(HubPolicies.Admin);
        group.MapTeamPerformanceApi();
        group.MapKnowledgeApi();
        return group;
    }

    private static async Task<Results<Ok<BrokerageProfile>, NotFound>> GetBrokerageAsync(
        string brokerageId, ClaimsPrincipal caller, TeamService team) =>
        await team.GetBrokerageAsync(caller, brokerageId) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImmutableArray<AgentSnapshot>>, NotFound>> GetAgentsAsync(
        string brokerageId, ClaimsPrincipal caller, TeamService team) =>
        await team.GetAgentsAsync(caller, brokerageId) is { } agents ? TypedResults.Ok(agents) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgentSnapshot>, NotFound>> GetAgentAsync(
        string brokerageId, string agentId, ClaimsPrincipal caller, TeamService team) =>
        await team.GetAgentAsync(caller, brokerageId, agentId) is { } agent ? TypedResults.Ok(agent) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgentSnapshot>, NotFound, ForbidHttpResult, ValidationProblem>> SetPresenceAsync(
        string brokerageId, string agentId, PresenceUpdate body, ClaimsPrincipal caller, TeamService team)
    {
        if (body?.Presence is not { } presence || !Enum.IsDefined(presence))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["presence"] = [$"Presence must be one of: {string.Join(", ", Enum.GetNames<AgentPresence>())}."],
            });
        }

        var (status, agent) = await team.SetPresenceAsync(caller, brokerageId, agentId, presence);
        return status switch
        {
            CommandStatus.Done => TypedResults.Ok(agent!),
            CommandStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<AgentSnapshot>, NotFound, ForbidHttpResult, ValidationProblem>> SetWhatsAppAsync(
        string brokerageId, string agentId, WhatsAppSetting body, ClaimsPrincipal caller, TeamService team)
    {
        if (body is null || !TeamService.IsWhatsAppNumber(body.Number) || (body.Deliverables && string.IsNullOrWhiteSpace(body.Number)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["number"] = ["Give the WhatsApp number in international form, e.g. +971501234567 (needed to receive deliverables)."],
            });
        }

        var (status, agent) = await team.SetWhatsAppAsync(caller, brokerageId, agentId, body.Number, body.Deliverables);
        return status switch
        {
            CommandStatus.Done => TypedResults.Ok(agent!),
            CommandStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>The agent's own WhatsApp number and whether deliverables are sent there.</summary>
    public sealed record WhatsAppSetting(string? Number, bool Deliverables);

    private static async Task<Results<Ok<IReadOnlyList<LeadListItem>>, NotFound>> GetLeadsAsync(
        string brokerageId, ClaimsPrincipal caller, LeadService leads, int? limit) =>
        await leads.ListAsync(caller, brokerageId, limit ?? 50) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<LeadSnapshot>, NotFound>> GetLeadAsync(
        string brokerageId, string leadId, ClaimsPrincipal caller, LeadService leads) =>
        await leads.GetAsync(caller, brokerageId, leadId) is { } lead ? TypedResults.Ok(lead) : TypedResults.NotFound();

    private static async Task<Results<Ok<LeadSnapshot>, NotFound, ForbidHttpResult, ValidationProblem>> MoveLeadStageAsync(
        string brokerageId, string leadId, LeadStageUpdate body, ClaimsPrincipal caller, LeadService leads)
    {
        // Names only: Enum.TryParse would also take "3" or "Won, Lost".
        var name = Enum.GetNames<LeadStage>().FirstOrDefault(n => string.Equals(n, body?.Stage?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["stage"] = [$"Stage must be one of: {string.Join(", ", Enum.GetNames<LeadStage>())}."],
            });
        }

        var (status, lead) = await leads.MoveStageAsync(caller, brokerageId, leadId, Enum.Parse<LeadStage>(name));
        return status switch
        {
            CommandStatus.Done => TypedResults.Ok(lead!),
            CommandStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<BrokerageProfile>, NotFound, ForbidHttpResult, ValidationProblem>> UpdateAlertSettingsAsync(
        string brokerageId, AlertSettings body, ClaimsPrincipal caller, TeamService team)
    {
        var problems = body?.Problems() ?? new Dictionary<string, string[]> { ["body"] = ["Send the alert settings as JSON."] };
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var (status, profile) = await team.UpdateAlertSettingsAsync(caller, brokerageId, body!);
        return status switch
        {
            CommandStatus.Done => TypedResults.Ok(profile!),
            CommandStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> GetAuditAsync(string brokerageId, IAuditLog audit, int? limit) =>
        TypedResults.Ok(await audit.ListAsync(brokerageId, Math.Clamp(limit ?? 100, 1, 500)));
}
