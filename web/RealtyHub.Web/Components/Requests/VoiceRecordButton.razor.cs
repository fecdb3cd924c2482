using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Web.Components.Requests;

/// <summary>
/// Records a spoken request in the browser (MediaRecorder) and uploads it to the requests API as the request body;
/// the upload goes from the browser straight to the hub, not through the circuit.
/// </summary>
public sealed partial class VoiceRecordButton
{
    private IJSObjectReference? _module;
    private bool _recording;
    private bool _uploading;
    private string? _error;
    private DateTimeOffset _startedAt;
    private ITimer? _ticker;

    [Parameter, EditorRequired]
    public string BrokerageId { get; set; } = string.Empty;

    [Parameter]
    public RequestPriority Priority { get; set; }

    [Parameter]
    public string? ConversationId { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The id of the request the recording became.</summary>
    [Parameter]
    public EventCallback<string> OnSent { get; set; }

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private int VoiceSeconds => (int)(Clock.GetUtcNow() - _startedAt).TotalSeconds;

    private async Task StartAsync()
    {
        _error = null;
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./Components/Requests/VoiceRecordButton.razor.js");
        if (await _module.InvokeAsync<string?>("start") is { } problem)
        {
            _error = problem;
            return;
        }

        _recording = true;
        _startedAt = Clock.GetUtcNow();
        _ticker = Clock.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private async Task StopAsync()
    {
        await StopTickerAsync();
        _recording = false;
        _uploading = true;
        try
        {
            var url = $"api/brokerages/{Uri.EscapeDataString(BrokerageId)}/requests/voice?priority={Priority}"
                + (ConversationId is { } c ? $"&conversationId={Uri.EscapeDataString(c)}" : string.Empty);
            var result = await _module!.InvokeAsync<UploadResult>("stopAndUpload", url);
            if (result is { Ok: true, RequestId: { } requestId })
            {
                await OnSent.InvokeAsync(requestId);
            }
            else
            {
                _error = result.Error ?? "The recording was not accepted.";
            }
        }
        catch (JSException ex)
        {
            _error = $"The recording could not be sent: {ex.Message}";
        }
        finally
        {
            _uploading = false;
        }
    }

    private async Task CancelAsync()
    {
        await StopTickerAsync();
        _recording = false;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("cancel");
        }
    }

    private async Task StopTickerAsync()
    {
        if (_ticker is not null)
        {
            await _ticker.DisposeAsync();
            _ticker = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopTickerAsync();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("cancel");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page; the browser stopped the microphone with it.
            }
        }
    }

    private sealed record UploadResult(bool Ok, string? RequestId, string? Error);
}
