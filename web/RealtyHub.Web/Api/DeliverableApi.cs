using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Api;

/// <summary>
/// <c>GET .../requests/{requestId}/deliverable.html</c>: a delivered request as a branded, self-contained HTML file to
/// download. Whoever may see the request may download it; anything not delivered (or not theirs) is 404.
/// </summary>
public static class DeliverableApi
{
    /// <summary>Maps into the <c>/api/brokerages/{brokerageId}</c> group, so its tenancy filter guards this too.</summary>
    public static RouteGroupBuilder MapDeliverableApi(this RouteGroupBuilder group)
    {
        group.MapGet("/requests/{requestId}/deliverable.html", GetAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        string brokerageId, string requestId, ClaimsPrincipal caller, RequestService requests, TeamService team, HttpResponse response)
    {
        if (await requests.GetAsync(caller, brokerageId, requestId) is not { State: RequestState.Delivered, Deliverable: not null } request)
        {
            return TypedResults.NotFound();
        }

        var brokerage = await team.GetBrokerageAsync(caller, brokerageId);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(
            Encoding.UTF8.GetBytes(DeliverableRenderer.Render(request, brokerage)),
            DeliverableRenderer.ContentType,
            DeliverableRenderer.FileName(request));
    }
}
