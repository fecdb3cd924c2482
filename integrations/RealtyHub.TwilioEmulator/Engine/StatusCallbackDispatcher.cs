using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// Moves outbound messages through their planned statuses in the background and posts each change to the
/// message's StatusCallback, in order. Like Twilio, a callback that fails is logged, not retried.
/// </summary>
internal sealed partial class StatusCallbackDispatcher(
    EmulatorStore store,
    SignedFormPoster poster,
    TimeProvider clock,
    IOptions<TwilioEmulatorOptions> options,
    ILogger<StatusCallbackDispatcher> logger) : BackgroundService
{
    private readonly Channel<(string Sid, IReadOnlyList<DeliveryStep> Steps)> work =
        Channel.CreateUnbounded<(string, IReadOnlyList<DeliveryStep>)>();

    public void Enqueue(string sid, IReadOnlyList<DeliveryStep> steps) => work.Writer.TryWrite((sid, steps));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (sid, steps) in work.Reader.ReadAllAsync(stoppingToken))
        {
            // Each message progresses on its own, so one slow callback receiver does not hold up the others.
            _ = ProgressAsync(sid, steps, stoppingToken);
        }
    }

    private async Task ProgressAsync(string sid, IReadOnlyList<DeliveryStep> steps, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                if (step.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(step.Delay, clock, cancellationToken);
                }

                var message = store.SetStatus(sid, step.Status, step.ErrorCode, step.ErrorMessage);
                if (message.StatusCallback is { } url)
                {
                    await NotifyAsync(message, url, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task NotifyAsync(EmulatedMessage message, string url, CancellationToken cancellationToken)
    {
        try
        {
            var status = await poster.PostAsync(url, CallbackForm(message), cancellationToken);
            if (status >= 400)
            {
                LogCallbackRejected(message.Sid, message.Status, url, status);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable receiver or HttpClient timeout: Twilio logs these and moves on, so does the emulator.
            LogCallbackFailed(ex, message.Sid, message.Status, url);
        }
    }

    private List<KeyValuePair<string, string>> CallbackForm(EmulatedMessage message)
    {
        var status = message.Status.ToWireName();
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", options.Value.AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("ChannelPrefix", "whatsapp"),
            new("ChannelToAddress", message.ClientNumber),
            new("From", message.From),
            new("MessageSid", message.Sid),
            new("MessageStatus", status),
            new("SmsSid", message.Sid),
            new("SmsStatus", status),
            new("To", message.To),
        };
        if (message.ErrorCode is { } code)
        {
            form.Add(new("ErrorCode", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new("ErrorMessage", message.ErrorMessage ?? string.Empty));
        }

        return form;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for {Sid} ({Status}) to {Url} was answered {HttpStatus}")]
    private partial void LogCallbackRejected(string sid, TwilioMessageStatus status, string url, int httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for {Sid} ({Status}) to {Url} could not be delivered")]
    private partial void LogCallbackFailed(Exception exception, string sid, TwilioMessageStatus status, string url);
}
