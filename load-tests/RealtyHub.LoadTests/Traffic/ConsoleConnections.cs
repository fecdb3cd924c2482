using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.LoadTests.Environment;

namespace RealtyHub.LoadTests.Traffic;

/// <summary>Signed-in console users with started SignalR connections, spread over the web nodes; agents set Online.</summary>
public sealed class ConsoleConnections : IAsyncDisposable
{
    private readonly List<SignedInClient> _clients = [];
    private readonly List<ConsoleUser> _users = [];

    public IReadOnlyList<ConsoleUser> Users => _users;

    public static async Task<ConsoleConnections> OpenAsync(
        IReadOnlyList<Uri> webs, IEnumerable<(BrokerageSetup Brokerage, Member Member, string Role)> members,
        Action<ConsoleUser, HubConnection> subscribe, Action<double>? progress, CancellationToken cancellationToken)
    {
        var result = new ConsoleConnections();
        var list = members.ToList();
        var gate = new Lock();
        var done = 0;
        try
        {
            await Parallel.ForEachAsync(list.Select((m, i) => (m, i)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                var ((brokerage, member, role), index) = item;
                var client = await SignedInClient.SignInAsync(webs[index % webs.Count], member.Email, HubEnvironment.Password, ct);
                lock (gate)
                {
                    result._clients.Add(client);
                }

                if (role == "Agent")
                {
                    using var presence = await client.Http.PutAsJsonAsync($"api/brokerages/{brokerage.BrokerageId}/agents/{member.UserId}/presence", new { presence = "Online" }, ct);
                    presence.EnsureSuccessStatusCode();
                }
                else if (role == "Expert")
                {
                    using var availability = await client.Http.PutAsJsonAsync($"api/brokerages/{brokerage.BrokerageId}/experts/{member.UserId}/availability", new { available = true }, ct);
                    availability.EnsureSuccessStatusCode();
                }

                var connection = client.BuildConnection();
                var user = new ConsoleUser(index, brokerage.BrokerageId, member, role, client, connection);
                subscribe(user, connection);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await connection.StartAsync(timeout.Token);
                lock (gate)
                {
                    result._users.Add(user);
                    progress?.Invoke((double)++done / list.Count);
                }
            });
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.Connection.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}

/// <summary>One connected console user.</summary>
public sealed record ConsoleUser(int Index, string BrokerageId, Member Member, string Role, SignedInClient Client, HubConnection Connection);
