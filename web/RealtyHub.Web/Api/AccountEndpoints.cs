using Microsoft.AspNetCore.Identity;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Api;

/// <summary>The console's sign-out: a form post (with antiforgery) that clears the cookie.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<HubUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).RequireAuthorization();
        return app;
    }
}
