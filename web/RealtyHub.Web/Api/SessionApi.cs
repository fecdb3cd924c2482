using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Api;

/// <summary>Body of <c>POST /api/session</c>.</summary>
public sealed record SignInRequest(string? Email, string? Password);

/// <summary>Who the caller is, as the console and API clients see it.</summary>
public sealed record CallerProfile(string UserId, string Email, string DisplayName, string BrokerageId, IReadOnlyList<string> Roles);

/// <summary>Cookie sign-in for programs (load tests, integrations, SignalR clients); the console uses the sign-in page.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Session");
        group.MapPost("/session", SignInAsync).AllowAnonymous();
        group.MapDelete("/session", SignOutAsync).RequireAuthorization();
        group.MapGet("/me", GetMe).RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<CallerProfile>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, SignInService signIn, UserManager<HubUser> users)
    {
        if (string.IsNullOrWhiteSpace(body?.Email) || string.IsNullOrEmpty(body.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["credentials"] = ["Email and password are required."],
            });
        }

        var outcome = await signIn.SignInAsync(body.Email, body.Password, remember: false);
        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(
                statusCode: outcome.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized,
                title: outcome.LockedOut ? "Account locked" : "Sign-in failed",
                detail: outcome.Error);
        }

        // The cookie is on the response; the principal of this request is still anonymous, so read the user back.
        var user = await users.FindByEmailAsync(body.Email.Trim());
        var roles = await users.GetRolesAsync(user!);
        return TypedResults.Ok(new CallerProfile(user!.Id, user.Email!, user.DisplayName, user.BrokerageId, [.. roles]));
    }

    private static async Task<NoContent> SignOutAsync(SignInManager<HubUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<CallerProfile> GetMe(ClaimsPrincipal caller) => TypedResults.Ok(new CallerProfile(
        caller.GetUserId(),
        caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name ?? string.Empty,
        caller.GetDisplayName(),
        caller.GetBrokerageId() ?? string.Empty,
        [.. caller.FindAll(ClaimTypes.Role).Select(c => c.Value)]));
}
