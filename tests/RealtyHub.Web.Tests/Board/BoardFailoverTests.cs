using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Realtime;

namespace RealtyHub.Web.Tests.Board;

/// <summary>
/// Two web nodes, each co-hosting a silo. The silo holding the team board goes away; the board comes back on the
/// other silo and the supervisor connected there keeps getting updates (the node's feed subscribes again).
/// </summary>
public sealed class BoardFailoverTests
{
    [Fact]
    public async Task The_board_keeps_updating_a_supervisor_after_the_silo_holding_it_shuts_down()
    {
        var database = await TestPostgres.CreateDatabaseAsync("boardfailover");
        var cluster = $"board-failover-{Guid.NewGuid():N}";
        var first = new HubWebApp(HubWebApp.SettingsFor(database, cluster));
        var secondSettings = HubWebApp.SettingsFor(database, cluster);
        secondSettings["RealtyHub:Demo:Enabled"] = "false";
        secondSettings["Twilio:AccountSid"] = DemoTwilio.AccountSid;
        secondSettings["Twilio:AuthToken"] = DemoTwilio.AuthToken;
        secondSettings["Twilio:ApiBaseUrl"] = new Uri(first.BaseAddress, "twilio-emulator").ToString();
        var second = new HubWebApp(secondSettings);
        HubWebApp[] nodes = [first, second];
        try
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var board = grains.GetGrain<ITeamBoardGrain>(HubWebFixture.BrokerageA);
            var before = await board.GetAsync();
            var host = await HostOfBoardAsync(grains);
            var doomed = nodes.Single(n => n.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Equals(host));
            var survivor = nodes.Single(n => n != doomed);

            await using var supervisor = await HubClient.SignInAsync(survivor.BaseAddress, HubWebFixture.SupervisorA, HubWebFixture.Password);
            var connection = await supervisor.ConnectAsync();
            var pushes = new ConcurrentQueue<BoardSnapshot>();
            connection.On<BoardSnapshot>(nameof(IConsoleClient.BoardChanged), pushes.Enqueue);
            await SendAsync(survivor, "+971501110001");
            await Eventually.GetAsync(() => Task.FromResult(pushes.LastOrDefault()), b => b?.Queue.InboundToday == before.Queue.InboundToday + 1,
                TimeSpan.FromSeconds(20), "a push before the shutdown");

            await doomed.DisposeAsync();

            await SendAsync(survivor, "+971501110002");
            var after = await Eventually.GetAsync(() => Task.FromResult(pushes.LastOrDefault()), b => b?.Queue.InboundToday == before.Queue.InboundToday + 2,
                TimeSpan.FromSeconds(45), "a push after the board moved to the surviving silo");
            Assert.NotEqual(host, await HostOfBoardAsync(survivor.Services.GetRequiredService<IGrainFactory>()));
            Assert.Equal(before.Queue.InboundToday + 2, after!.Queue.InboundToday);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A client message through the survivor's grains (the demo Twilio emulator lives on the first node, which may be
    /// the one that goes away; the webhook path has its own multi-node test).
    /// </summary>
    private static async Task SendAsync(HubWebApp node, string client)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var message = new InboundWhatsApp($"SM{Guid.NewGuid():N}", client, DemoDataSeeder.DemoWhatsAppNumber, "Failover Client", "Still there?",
            [], DateTimeOffset.UtcNow);
        Assert.True(await grains.GetGrain<IConversationGrain>(ConversationKeys.For(HubWebFixture.BrokerageA, client)).ReceiveAsync(message));
    }

    private static async Task<SiloAddress> HostOfBoardAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        return stats.Single(s => s.GrainType.Contains(nameof(Grains.Board.TeamBoardGrain), StringComparison.Ordinal)
                                 && s.GrainId.Key.ToString() == HubWebFixture.BrokerageA).SiloAddress;
    }
}
