using Microsoft.AspNetCore.Identity;
using RealtyHub.Grains;
using RealtyHub.Grains.Data;

namespace RealtyHub.Web.Identity;

/// <summary>Outcome of a sign-in attempt, with the message the user should read.</summary>
public sealed record SignInOutcome(bool Succeeded, bool LockedOut, string? Error);

/// <summary>
/// The one sign-in path for the console form and the API: password check with lockout, metrics and audit.
/// </summary>
public sealed class SignInService(
    SignInManager<HubUser> signIn,
    UserManager<HubUser> users,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string InvalidCredentials = "Invalid email or password.";

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            Count("unknown");
            return new SignInOutcome(false, false, InvalidCredentials);
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "failed";
        Count(outcome);
        await audit.RecordAsync(new AuditEntry(user.BrokerageId, clock.GetUtcNow(), user.Email ?? user.Id, $"auth.sign-in.{outcome}", user.Id));

        if (result.Succeeded)
        {
            return new SignInOutcome(true, false, null);
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
            return new SignInOutcome(false, true, $"This account is locked after too many failed sign-ins. Try again in {minutes} minute(s) or ask your supervisor.");
        }

        return new SignInOutcome(false, false, InvalidCredentials);
    }

    private static void Count(string outcome) =>
        HubTelemetry.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
