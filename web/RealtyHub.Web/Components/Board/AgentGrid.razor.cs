using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Board;

namespace RealtyHub.Web.Components.Board;

/// <summary>The agents' rows, by name unless the supervisor sorts by presence, load or oldest wait.</summary>
public sealed partial class AgentGrid
{
    private static readonly (AgentSort Sort, string Label)[] Columns =
    [
        (AgentSort.Name, "Agent"),
        (AgentSort.Presence, "Presence"),
        (AgentSort.Load, "Open / capacity"),
        (AgentSort.OldestWait, "Oldest wait"),
    ];

    private AgentSort _sort = AgentSort.Name;
    private bool _reversed;

    public enum AgentSort
    {
        Name,
        Presence,
        Load,
        OldestWait,
    }

    [Parameter, EditorRequired]
    public BoardContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<BoardAgent> Agents { get; set; } = [];

    [Parameter]
    public DateTimeOffset Now { get; set; }

    private string Summary
    {
        get
        {
            var online = Agents.Count(a => a.Presence == AgentPresence.Online);
            var calls = Agents.Count(a => a.InVoiceSession);
            return $"{online} of {Agents.Count} online" + (calls > 0 ? $" · {calls} on a call" : string.Empty);
        }
    }

    private List<BoardAgent> Sorted()
    {
        // Each sort's natural first click puts what needs attention on top; a second click reverses it.
        var byName = StringComparer.CurrentCultureIgnoreCase;
        IOrderedEnumerable<BoardAgent> ordered = _sort switch
        {
            AgentSort.Presence => Agents.OrderBy(a => BoardFormat.PresenceRank(a.Presence)),
            AgentSort.Load => Agents.OrderByDescending(Load).ThenByDescending(a => a.OpenConversations),
            AgentSort.OldestWait => Agents.OrderBy(a => a.OldestUnansweredSince ?? DateTimeOffset.MaxValue),
            _ => Agents.OrderBy(a => a.DisplayName, byName),
        };
        var list = ordered.ThenBy(a => a.DisplayName, byName).ThenBy(a => a.Email, StringComparer.Ordinal).ToList();
        if (_reversed)
        {
            list.Reverse();
        }

        return list;
    }

    private void SortBy(AgentSort sort)
    {
        _reversed = _sort == sort && !_reversed;
        _sort = sort;
    }

    /// <summary>What the column's value does from top to bottom before a second click reverses it.</summary>
    private static string NaturalOrder(AgentSort sort) => sort is AgentSort.Load or AgentSort.OldestWait ? "descending" : "ascending";

    private string AriaSort(AgentSort sort) =>
        _sort != sort ? "none"
        : _reversed ? (NaturalOrder(sort) == "ascending" ? "descending" : "ascending")
        : NaturalOrder(sort);

    private static double Load(BoardAgent agent) =>
        agent.Capacity <= 0 ? agent.OpenConversations : (double)agent.OpenConversations / agent.Capacity;

    private static double LoadPercent(BoardAgent agent) => Math.Min(100, Load(agent) * 100);

    private static Color LoadColor(BoardAgent agent) =>
        agent.OverCapacity ? Color.Error : Load(agent) >= 0.8 ? Color.Warning : Color.Success;
}
