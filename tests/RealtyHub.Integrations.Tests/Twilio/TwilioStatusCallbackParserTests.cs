using RealtyHub.Integrations.Twilio;

namespace RealtyHub.Integrations.Tests.Twilio;

public sealed class TwilioStatusCallbackParserTests
{
    [Theory]
    [InlineData("queued", TwilioMessageStatus.Queued)]
    [InlineData("sending", TwilioMessageStatus.Sending)]
    [InlineData("sent", TwilioMessageStatus.Sent)]
    [InlineData("delivered", TwilioMessageStatus.Delivered)]
    [InlineData("read", TwilioMessageStatus.Read)]
    [InlineData("failed", TwilioMessageStatus.Failed)]
    [InlineData("undelivered", TwilioMessageStatus.Undelivered)]
    [InlineData("accepted", TwilioMessageStatus.Accepted)]
    [InlineData("scheduled", TwilioMessageStatus.Scheduled)]
    [InlineData("canceled", TwilioMessageStatus.Canceled)]
    [InlineData("receiving", TwilioMessageStatus.Receiving)]
    [InlineData("received", TwilioMessageStatus.Received)]
    [InlineData("partially_delivered", TwilioMessageStatus.PartiallyDelivered)]
    public void Parses_every_Twilio_status(string wireName, TwilioMessageStatus status)
    {
        var result = TwilioStatusCallbackParser.Parse(TwilioForms.Status(wireName));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(status, result.Value.Status);
        Assert.Equal(wireName, status.ToWireName());
    }

    [Fact]
    public void Parses_a_failure_with_its_error()
    {
        var form = TwilioForms.Status("failed");
        form["ErrorCode"] = "63016";
        form["ErrorMessage"] = "Outside the allowed window";

        var callback = TwilioStatusCallbackParser.Parse(form).Value!;

        Assert.Equal(TwilioForms.MessageSid, callback.MessageSid);
        Assert.Equal(TwilioMessageStatus.Failed, callback.Status);
        Assert.True(callback.Status.IsFailure());
        Assert.Equal(TwilioErrorCodes.OutsideConversationWindow, callback.ErrorCode);
        Assert.Equal("Outside the allowed window", callback.ErrorMessage);
        Assert.Equal("+971501234567", callback.To.E164);
        Assert.Equal("+97140000001", callback.From.E164);
        Assert.Equal(TwilioForms.AccountSid, callback.AccountSid);
    }

    [Fact]
    public void Falls_back_to_the_legacy_SmsStatus_name()
    {
        var form = TwilioForms.Status("delivered");
        form.Remove("MessageStatus");

        Assert.Equal(TwilioMessageStatus.Delivered, TwilioStatusCallbackParser.Parse(form).Value!.Status);
    }

    [Fact]
    public void Rejects_unknown_status_missing_sid_bad_error_code_and_bad_numbers()
    {
        var form = TwilioForms.Status("teleported");
        form.Remove("MessageSid");
        form["ErrorCode"] = "boom";
        form["To"] = "whatsapp:+1";

        var result = TwilioStatusCallbackParser.Parse(form);

        Assert.False(result.IsValid);
        Assert.Contains("MessageSid is required.", result.Errors);
        Assert.Contains("MessageStatus 'teleported' is not a Twilio message status.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("ErrorCode 'boom'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("To:", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_status_is_reported()
    {
        var form = TwilioForms.Status("sent");
        form.Remove("MessageStatus");
        form.Remove("SmsStatus");

        Assert.Equal(["MessageStatus is required."], TwilioStatusCallbackParser.Parse(form).Errors);
    }
}
