using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Api;

/// <summary>The team board for programs: the live snapshot and alert acknowledgement (supervisors and owners).</summary>
public static class BoardApi
{
    public static RouteGroupBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brokerages/{brokerageId}/board")
            .RequireAuthorization(HubPolicies.Board)
            .AddEndpointFilter<BrokerageScopeFilter>()
            .WithTags("Board");

        group.MapGet("/", GetAsync);
        group.MapPost("/alerts/{alertId}/ack", AcknowledgeAsync);
        return group;
    }

    private static async Task<Results<Ok<BoardSnapshot>, NotFound>> GetAsync(string brokerageId, ClaimsPrincipal caller, BoardService board) =>
        await board.GetAsync(caller, brokerageId) is { } snapshot ? TypedResults.Ok(snapshot) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound<string>>> AcknowledgeAsync(
        string brokerageId, string alertId, ClaimsPrincipal caller, BoardService board) =>
        await board.AcknowledgeAlertAsync(caller, brokerageId, alertId) == CommandStatus.Done
            ? TypedResults.NoContent()
            : TypedResults.NotFound("The board has no such alert.");
}
