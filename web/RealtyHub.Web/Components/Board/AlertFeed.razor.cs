using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Board;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Board;

/// <summary>The board's alerts. Acknowledging goes to the board grain; the next snapshot shows it to every supervisor.</summary>
public sealed partial class AlertFeed
{
    private const int Shown = 50;

    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private string? _error;

    [Parameter, EditorRequired]
    public BoardContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<BoardAlert> Alerts { get; set; } = [];

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Called after an acknowledgement so the page can fetch the board at once rather than wait for the push.</summary>
    [Parameter]
    public EventCallback Acknowledged { get; set; }

    [Inject]
    private BoardService Boards { get; set; } = default!;

    private int OpenCount => Alerts.Count(a => !a.IsAcknowledged);

    private List<BoardAlert> Ordered =>
        [.. Alerts.OrderBy(a => a.IsAcknowledged).ThenByDescending(a => a.Alert.At).Take(Shown)];

    private async Task AcknowledgeAsync(string alertId)
    {
        if (!_busy.Add(alertId))
        {
            return;
        }

        try
        {
            var status = await Boards.AcknowledgeAlertAsync(Context.User, Context.BrokerageId, alertId);
            _error = status == CommandStatus.Done ? null : "That alert is no longer on the board.";
            await Acknowledged.InvokeAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _error = "The acknowledgement did not reach the hub. Try again in a moment.";
        }
        finally
        {
            _busy.Remove(alertId);
        }
    }
}
