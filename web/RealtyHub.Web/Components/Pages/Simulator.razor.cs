using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>
/// Demo mode's stand-in for a client's WhatsApp: sends through the Twilio emulator (which posts the signed webhook to
/// the hub) and shows the client's side of the conversation, live, as the emulator records the hub's replies.
/// </summary>
public sealed partial class Simulator
{
    private const long MaxAttachmentBytes = 5 * 1024 * 1024;

    private TwilioEmulatorService? _emulator;
    private IReadOnlyList<EmulatedMessage> _messages = [];
    private string _clientPhone = RandomClientPhone();
    private string _profileName = "Layla Haddad";
    private string _businessPhone = DemoDataSeeder.DemoWhatsAppNumber;
    private string? _text;
    private EmulatedMedia? _attachment;
    private string? _attachmentName;
    private bool _sending;
    private string? _result;
    private Severity _resultSeverity;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private string? _callSid;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Only registered when the emulator is on.
        _emulator = Services.GetService<TwilioEmulatorService>();
        if (_emulator is null)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        if (user.GetBrokerageId() is { } brokerageId && await Team.GetBrokerageAsync(user, brokerageId) is { WhatsAppNumbers: [var number, ..] } brokerage)
        {
            _businessPhone = number;
            _zone = InboxContext.ZoneOf(brokerage.TimeZoneId);
        }

        if (RendererInfo.IsInteractive)
        {
            _emulator.MessageChanged += OnMessageChanged;
        }

        Refresh();
    }

    private void ChangeClient(string phone)
    {
        _clientPhone = phone.Trim();
        Refresh();
    }

    private async Task AttachAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        if (file.Size > MaxAttachmentBytes)
        {
            Show($"{file.Name} is larger than 5 MB; WhatsApp clients send smaller files.", Severity.Warning);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxAttachmentBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        _attachment = new EmulatedMedia(string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray());
        _attachmentName = file.Name;
    }

    /// <summary>The client calls: the emulator streams the demo recording (a spoken enquiry) as a Twilio Media Stream.</summary>
    private async Task CallAsync()
    {
        if (Services.GetService<RealtyHub.TwilioEmulator.Voice.EmulatedCallService>() is not { } calls)
        {
            return;
        }

        _sending = true;
        _callSid = null;
        try
        {
            var call = await new DemoVoice(_emulator!, calls).StartCallAsync(_clientPhone, _businessPhone, _profileName, CancellationToken.None);
            (_callSid, _resultSeverity) = (call.CallSid, Severity.Success);
            _result = "Calling: the hub answered and the recording is streaming (about 20 seconds).";
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            (_result, _resultSeverity) = ($"The call could not be placed: {ex.Message}", Severity.Error);
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task SendAsync()
    {
        _callSid = null;
        _sending = true;
        try
        {
            var result = await _emulator!.SendInboundAsync(
                _clientPhone, _businessPhone, _text?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(_profileName) ? null : _profileName.Trim(),
                _attachment is null ? null : [_attachment]);
            if (result.WebhookStatusCode is >= 200 and < 300)
            {
                Show($"Sent. The hub accepted the webhook (HTTP {result.WebhookStatusCode}).", Severity.Success);
                _text = null;
                _attachment = null;
            }
            else
            {
                Show($"The hub answered the webhook with HTTP {result.WebhookStatusCode}; Twilio would retry it.", Severity.Warning);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Show(ex.Message, Severity.Error);
        }
        catch (HttpRequestException ex)
        {
            Show($"The hub's webhook could not be reached: {ex.Message}", Severity.Error);
        }
        finally
        {
            _sending = false;
            Refresh();
        }
    }

    private void OnMessageChanged(object? sender, EmulatedMessageEventArgs e)
    {
        if (e.Message.ClientNumber == _clientPhone)
        {
            _ = InvokeAsync(() =>
            {
                Refresh();
                StateHasChanged();
            });
        }
    }

    private void Refresh()
    {
        try
        {
            _messages = _emulator?.GetConversation(_clientPhone) ?? [];
        }
        catch (ArgumentException)
        {
            // Not a phone number (yet): there is no conversation to show while the user is still typing it.
            _messages = [];
        }
    }

    private void Show(string text, Severity severity)
    {
        _result = text;
        _resultSeverity = severity;
    }

    // The brokerage's clock, as the inbox shows it, so both sides of the demo read the same times.
    private string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string RandomClientPhone() =>
        "+97150" + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (_emulator is not null)
        {
            _emulator.MessageChanged -= OnMessageChanged;
        }
    }
}
