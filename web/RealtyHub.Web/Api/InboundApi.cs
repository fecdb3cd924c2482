using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;
using RealtyHub.Web.Webhooks;

namespace RealtyHub.Web.Api;

/// <summary>Parked inbound WhatsApp messages of a brokerage, for its admins: list them with the error, retry one.</summary>
public static class InboundApi
{
    public static RouteGroupBuilder MapInboundApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}/inbound")
            .RequireAuthorization(HubPolicies.Admin)
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Inbound");

        group.MapGet("/parked", ListParkedAsync);
        group.MapPost("/{messageSid}/retry", RetryAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ParkedInbound>>> ListParkedAsync(string brokerageId, InboundInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.ListParkedAsync(brokerageId, 100, cancellationToken));

    private static async Task<Results<Accepted, NotFound<string>>> RetryAsync(string brokerageId, string messageSid, InboundInbox inbox, CancellationToken cancellationToken) =>
        await inbox.UnparkAsync(brokerageId, messageSid, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.NotFound("No parked message with that id.");
}
