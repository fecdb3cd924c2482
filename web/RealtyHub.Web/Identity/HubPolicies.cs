using Microsoft.AspNetCore.Authorization;

namespace RealtyHub.Web.Identity;

/// <summary>
/// Which roles reach which part of the console. The navigation menu and the pages read the same policies,
/// so a link is shown exactly when its page would let the user in.
/// </summary>
public static class HubPolicies
{
    public const string Inbox = "console.inbox";
    public const string Requests = "console.requests";
    public const string Knowledge = "console.knowledge";
    public const string Board = "console.board";
    public const string Experts = "console.experts";
    public const string Admin = "console.admin";
    public const string Agent = "console.agent";
    public const string Platform = "platform";

    public static AuthorizationBuilder AddHubPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Inbox, p => p.RequireRole(HubRoles.Agent, HubRoles.Supervisor, HubRoles.BrokerageOwner))
        .AddPolicy(Requests, p => p.RequireRole(HubRoles.Agent, HubRoles.Supervisor, HubRoles.BrokerageOwner))
        // Experts follow the citations in the drafts they review, so they read the knowledge base too.
        .AddPolicy(Knowledge, p => p.RequireRole(HubRoles.Agent, HubRoles.Supervisor, HubRoles.BrokerageOwner, HubRoles.Expert))
        .AddPolicy(Board, p => p.RequireRole(HubRoles.Supervisor, HubRoles.BrokerageOwner))
        .AddPolicy(Experts, p => p.RequireRole(HubRoles.Expert, HubRoles.Supervisor, HubRoles.BrokerageOwner))
        .AddPolicy(Admin, p => p.RequireRole(HubRoles.BrokerageOwner, HubRoles.PlatformAdmin))
        .AddPolicy(Agent, p => p.RequireRole(HubRoles.Agent))
        .AddPolicy(Platform, p => p.RequireRole(HubRoles.PlatformAdmin));
}
