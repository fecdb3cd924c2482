using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace RealtyHub.Integrations.Tests.Voice;

/// <summary>Two real WebSockets joined over a loopback TCP connection: <see cref="Server"/> and <see cref="Client"/>.</summary>
internal sealed class WebSocketPair : IDisposable
{
    private readonly TcpClient serverConnection;
    private readonly TcpClient clientConnection;

    private WebSocketPair(TcpClient serverConnection, TcpClient clientConnection)
    {
        this.serverConnection = serverConnection;
        this.clientConnection = clientConnection;
        Server = WebSocket.CreateFromStream(serverConnection.GetStream(), new WebSocketCreationOptions { IsServer = true });
        Client = WebSocket.CreateFromStream(clientConnection.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<WebSocketPair> CreateAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new WebSocketPair(await accepted, client);
    }

    public void Dispose()
    {
        Server.Dispose();
        Client.Dispose();
        serverConnection.Dispose();
        clientConnection.Dispose();
    }
}
