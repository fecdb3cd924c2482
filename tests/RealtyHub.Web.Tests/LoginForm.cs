using System.Text.RegularExpressions;

namespace RealtyHub.Web.Tests;

/// <summary>Posts the console's sign-in form the way a browser does: antiforgery token, form handler, fields.</summary>
internal static partial class LoginForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string email, string password, string? returnUrl = null)
    {
        var page = await http.GetStringAsync("account/login");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The sign-in page carries an antiforgery token.");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var action = returnUrl is null ? "account/login" : $"account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await http.PostAsync(action, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
