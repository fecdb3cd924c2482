using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace RealtyHub.LoadTests.Environment;

/// <summary>A user signed in with <c>POST /api/session</c>: the cookie-carrying HTTP client and SignalR connections.</summary>
public sealed class SignedInClient : IDisposable
{
    private readonly CookieContainer _cookies = new();

    private SignedInClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public static async Task<SignedInClient> SignInAsync(Uri baseAddress, string email, string password, CancellationToken cancellationToken)
    {
        var client = new SignedInClient(baseAddress);
        using var response = await client.Http.PostAsJsonAsync("api/session", new { email, password }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {email} at {baseAddress} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return client;
    }

    /// <summary>A connection to <c>/hubs/console</c> carrying this client's cookie; not started.</summary>
    public HubConnection BuildConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "hubs/console"), o =>
        {
            o.Cookies = _cookies;
            o.Transports = HttpTransportType.WebSockets;
        })
        .Build();

    public void Dispose() => Http.Dispose();
}
