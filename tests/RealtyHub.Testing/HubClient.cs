using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Web.Api;

namespace RealtyHub.Testing;

/// <summary>A signed-in caller: an HTTP client with the auth cookie, and SignalR connections that carry it.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly List<HubConnection> _connections = [];

    private HubClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public CallerProfile? Caller { get; private set; }

    public static HubClient Anonymous(Uri baseAddress) => new(baseAddress);

    public static async Task<HubClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new HubClient(baseAddress);
        var response = await client.Http.PostAsJsonAsync("api/session", new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        client.Caller = await response.Content.ReadFromJsonAsync<CallerProfile>(TestJson.Options);
        return client;
    }

    /// <summary>A started connection to the console hub, authenticated by this client's cookie.</summary>
    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/console"), o =>
            {
                o.Cookies = _cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = TestJson.Options)
            .Build();
        await connection.StartAsync();
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        Http.Dispose();
    }
}
