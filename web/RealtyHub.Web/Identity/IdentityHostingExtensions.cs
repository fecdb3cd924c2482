using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RealtyHub.Hosting.Database;

namespace RealtyHub.Web.Identity;

public static class IdentityHostingExtensions
{
    /// <summary>Identity on PostgreSQL with cookie sign-in, lockout and the console's role policies.</summary>
    public static WebApplicationBuilder AddRealtyHubIdentity(this WebApplicationBuilder builder, HubDatabase database)
    {
        var lockout = builder.Configuration.GetSection(SignInLockoutOptions.Section).Get<SignInLockoutOptions>() ?? new SignInLockoutOptions();
        builder.Services.AddDbContext<HubIdentityDbContext>(o => o.UseNpgsql(database.ConnectionString));
        builder.Services.AddIdentityCore<HubUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = lockout.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = lockout.Duration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HubIdentityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HubClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "realtyhub.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // API and hub callers are programs: they get status codes, not a redirect to an HTML page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder().AddHubPolicies();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
