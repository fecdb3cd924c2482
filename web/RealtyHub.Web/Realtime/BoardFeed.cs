using Microsoft.AspNetCore.SignalR;
using RealtyHub.Grains.Board;

namespace RealtyHub.Web.Realtime;

/// <summary>
/// This web node's subscription per team board it serves. The board grain already throttles its pushes
/// (<see cref="ITeamBoardGrain.MaxUpdatesPerSecond"/>), so each snapshot goes straight to the brokerage's supervisors
/// over SignalR and to the board pages open on this node.
/// </summary>
public sealed class BoardFeed(
    IGrainFactory grains,
    IHubContext<ConsoleHub, IConsoleClient> hub,
    ILogger<BoardFeed> logger) : LiveFeed<ITeamBoardObserver, BoardSnapshot>(grains, logger)
{
    protected override TimeSpan RenewEvery => BrokerageFeed.RenewInterval;

    protected override FeedChannel CreateChannel(string key) => new Channel(this, key);

    protected override Task SubscribeAsync(string key, ITeamBoardObserver observer) =>
        Grains.GetGrain<ITeamBoardGrain>(key).SubscribeAsync(observer);

    protected override Task UnsubscribeAsync(string key, ITeamBoardObserver observer) =>
        Grains.GetGrain<ITeamBoardGrain>(key).UnsubscribeAsync(observer);

    private sealed class Channel(BoardFeed feed, string brokerageId) : FeedChannel(feed, brokerageId), ITeamBoardObserver
    {
        public void BoardChanged(BoardSnapshot board)
        {
            Push(feed.Hub.Clients.Group(ConsoleGroups.Supervisors(Key)).BoardChanged(board));
            Raise(board);
        }
    }

    private IHubContext<ConsoleHub, IConsoleClient> Hub { get; } = hub;
}
