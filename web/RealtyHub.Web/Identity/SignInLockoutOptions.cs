namespace RealtyHub.Web.Identity;

/// <summary>How many wrong passwords lock an account, and for how long.</summary>
public sealed class SignInLockoutOptions
{
    public const string Section = "RealtyHub:SignIn";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
