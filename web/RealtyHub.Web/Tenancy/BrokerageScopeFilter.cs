using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tenancy;

/// <summary>
/// Guards every endpoint under <c>/api/brokerages/{brokerageId}</c>: a caller outside that brokerage gets 404,
/// the same answer as for a brokerage that does not exist, so tenants cannot probe for each other.
/// </summary>
internal sealed class BrokerageScopeFilter : IEndpointFilter
{
    public const string RouteKey = "brokerageId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var brokerageId = context.HttpContext.GetRouteValue(RouteKey) as string;
        if (!context.HttpContext.User.CanAccessBrokerage(brokerageId))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Brokerage not found",
                detail: $"There is no brokerage '{brokerageId}' that you are a member of.");
        }

        return await next(context);
    }
}
