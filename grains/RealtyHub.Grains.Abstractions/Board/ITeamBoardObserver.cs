namespace RealtyHub.Grains.Board;

/// <summary>One per web node per board it serves; the node pushes the snapshot to its supervisors.</summary>
[Alias("realtyhub.team-board-observer")]
public interface ITeamBoardObserver : IGrainObserver
{
    [Alias("board-changed")]
    void BoardChanged(BoardSnapshot board);
}
