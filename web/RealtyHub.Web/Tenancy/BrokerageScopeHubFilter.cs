using Microsoft.AspNetCore.SignalR;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tenancy;

/// <summary>
/// The hub twin of <see cref="BrokerageScopeFilter"/>: any hub method with a <c>brokerageId</c> parameter is
/// refused unless the caller belongs to that brokerage. New hub methods are covered by naming the parameter.
/// </summary>
internal sealed class BrokerageScopeHubFilter : IHubFilter
{
    public const string NotFound = "Brokerage not found.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == BrokerageScopeFilter.RouteKey
                && !invocationContext.Context.User!.CanAccessBrokerage(invocationContext.HubMethodArguments[i] as string))
            {
                throw new HubException(NotFound);
            }
        }

        return await next(invocationContext);
    }
}
