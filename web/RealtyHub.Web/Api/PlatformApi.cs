using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using RealtyHub.Grains;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Api;

/// <summary>
/// Tenant provisioning for platform admins: create a brokerage with its WhatsApp numbers and add its members. Used
/// by operators and by the load tests, which need many brokerages.
/// </summary>
public static class PlatformApi
{
    public static RouteGroupBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platform").RequireAuthorization(HubPolicies.Platform).WithTags("Platform");
        group.MapPost("/brokerages", CreateBrokerageAsync);
        group.MapPost("/brokerages/{brokerageId}/members", AddMemberAsync);
        return group;
    }

    private static async Task<IResult> CreateBrokerageAsync(NewBrokerage body, BrokerageProvisioner provisioner, IGrainFactory grains)
    {
        if (body?.Problems() is not { Count: 0 })
        {
            return TypedResults.ValidationProblem(body?.Problems() ?? new Dictionary<string, string[]> { ["body"] = ["Send the brokerage as JSON."] });
        }

        var existing = await grains.GetGrain<IBrokerageGrain>(body.BrokerageId).GetProfileAsync();
        var profile = new BrokerageProfile(body.Name, body.City ?? "Dubai", body.TimeZoneId ?? "Asia/Dubai", [.. body.WhatsAppNumbers],
            TimeSpan.FromMinutes(body.FirstResponseSlaMinutes ?? 5)) { Templates = existing?.Templates ?? [] };
        try
        {
            await provisioner.CreateBrokerageAsync(body.BrokerageId, profile);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }

        return existing is null ? TypedResults.Created($"/api/brokerages/{body.BrokerageId}/", profile) : TypedResults.Ok(profile);
    }

    private static async Task<IResult> AddMemberAsync(string brokerageId, NewMemberBody body, BrokerageProvisioner provisioner, IGrainFactory grains)
    {
        if (!GrainKeys.IsValidBrokerageId(brokerageId) || await grains.GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync() is null)
        {
            return TypedResults.NotFound();
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrWhiteSpace(body.DisplayName)
            || !HubRoles.All.Contains(body.Role) || body.Role == HubRoles.PlatformAdmin || string.IsNullOrEmpty(body.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["member"] = [$"Give email, displayName, password and a role: {string.Join(", ", HubRoles.All.Where(r => r != HubRoles.PlatformAdmin))}."],
            });
        }

        var agent = body.Role == HubRoles.Agent
            ? BrokerageProvisioner.AgentProfileFor(body.DisplayName, body.Email, body.Capacity ?? 8, [.. body.Areas ?? []]) with { Languages = [.. body.Languages ?? ["en"]] }
            : null;
        var expert = body.Role == HubRoles.Expert
            ? BrokerageProvisioner.ExpertProfileFor(body.DisplayName, body.Email, body.Capacity ?? 3, [.. body.Skills ?? []])
            : null;
        try
        {
            var user = await provisioner.AddMemberAsync(brokerageId, new NewMember(body.Email, body.DisplayName, body.Role, body.Password, agent, expert));
            return user.BrokerageId == brokerageId
                ? TypedResults.Created($"/api/brokerages/{brokerageId}/agents/{user.Id}", new MemberCreated(user.Id, user.Email!))
                : TypedResults.Problem($"{body.Email} belongs to another brokerage.", statusCode: StatusCodes.Status409Conflict);
        }
        catch (InvalidOperationException ex)
        {
            // Identity refused the user (e.g. a weak password): say why.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["member"] = [ex.Message] });
        }
    }

    /// <summary>A new brokerage; numbers are E.164 and must not belong to another brokerage.</summary>
    public sealed record NewBrokerage(
        string BrokerageId, string Name, ImmutableArray<string> WhatsAppNumbers, string? City = null, string? TimeZoneId = null, int? FirstResponseSlaMinutes = null)
    {
        public Dictionary<string, string[]> Problems()
        {
            var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!GrainKeys.IsValidBrokerageId(BrokerageId))
            {
                problems["brokerageId"] = ["Use lower-case letters, digits and dashes."];
            }

            if (string.IsNullOrWhiteSpace(Name))
            {
                problems["name"] = ["Give the brokerage a name."];
            }

            if (WhatsAppNumbers.IsDefaultOrEmpty || WhatsAppNumbers.Any(n => string.IsNullOrWhiteSpace(n) || !TeamService.IsWhatsAppNumber(n)))
            {
                problems["whatsAppNumbers"] = ["Give at least one WhatsApp number in international form, e.g. +97145550100."];
            }

            if (TimeZoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
            {
                problems["timeZoneId"] = [$"'{TimeZoneId}' is not a known IANA time zone."];
            }

            if (FirstResponseSlaMinutes is < 1 or > 240)
            {
                problems["firstResponseSlaMinutes"] = ["The first-response SLA must be between 1 and 240 minutes."];
            }

            return problems;
        }
    }

    /// <summary>A member to add; agents get an agent profile (capacity, areas, languages), experts an expert one (capacity = max claims, skills).</summary>
    public sealed record NewMemberBody(
        string Email, string DisplayName, string Role, string Password, int? Capacity = null,
        ImmutableArray<string>? Areas = null, ImmutableArray<string>? Languages = null, ImmutableArray<RequestKind>? Skills = null);

    public sealed record MemberCreated(string UserId, string Email);
}
