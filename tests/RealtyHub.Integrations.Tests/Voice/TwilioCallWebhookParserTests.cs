using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class TwilioCallWebhookParserTests
{
    [Fact]
    public void Incoming_call_form_parses_to_a_ringing_inbound_call()
    {
        var result = TwilioCallWebhookParser.Parse(IncomingCall());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var call = result.Value;
        Assert.Equal(MediaStreamSamples.CallSid, call.CallSid);
        Assert.Equal(MediaStreamSamples.AccountSid, call.AccountSid);
        Assert.Equal(("+971501234567", "+97140000001"), (call.From, call.To));
        Assert.Equal(TwilioCallStatus.Ringing, call.Status);
        Assert.Equal(("inbound", "2010-04-01"), (call.Direction, call.ApiVersion));
        Assert.Equal(("SARA K", "DUBAI", "AE"), (call.CallerName, call.FromCity, call.FromCountry));
        Assert.Null(call.CallDuration);
    }

    [Fact]
    public void Status_callback_carries_completed_and_the_duration()
    {
        var form = IncomingCall();
        form["CallStatus"] = "completed";
        form["CallDuration"] = "42";

        var call = TwilioCallWebhookParser.Parse(form).Value!;

        Assert.Equal((TwilioCallStatus.Completed, 42), (call.Status, call.CallDuration));
        Assert.True(call.Status.IsFinal());
        Assert.Equal("completed", call.Status.ToWireName());
    }

    [Theory]
    [InlineData("in-progress", TwilioCallStatus.InProgress)]
    [InlineData("no-answer", TwilioCallStatus.NoAnswer)]
    [InlineData("busy", TwilioCallStatus.Busy)]
    [InlineData("canceled", TwilioCallStatus.Canceled)]
    public void Hyphenated_and_plain_status_names_round_trip(string name, TwilioCallStatus expected)
    {
        Assert.True(TwilioCallStatusNames.TryParse(name, out var status));
        Assert.Equal(expected, status);
        Assert.Equal(name, status.ToWireName());
    }

    [Fact]
    public void Every_problem_in_a_malformed_form_is_listed()
    {
        var form = IncomingCall();
        form.Remove("CallSid");
        form["AccountSid"] = "AC123";
        form["From"] = "0501234567";
        form["CallStatus"] = "answered";
        form["Direction"] = "sideways";
        form["CallDuration"] = "-1";

        var result = TwilioCallWebhookParser.Parse(form);

        Assert.False(result.IsValid);
        Assert.Collection(
            result.Errors,
            e => Assert.Equal("CallSid is required.", e),
            e => Assert.Contains("AccountSid 'AC123' is not a Twilio SID", e, StringComparison.Ordinal),
            e => Assert.Contains("From: '0501234567' is not an E.164 number", e, StringComparison.Ordinal),
            e => Assert.Contains("CallStatus 'answered' is not a Twilio call status", e, StringComparison.Ordinal),
            e => Assert.Contains("Direction 'sideways'", e, StringComparison.Ordinal),
            e => Assert.Contains("CallDuration '-1'", e, StringComparison.Ordinal));
    }

    internal static Dictionary<string, string> IncomingCall() => new()
    {
        ["AccountSid"] = MediaStreamSamples.AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = MediaStreamSamples.CallSid,
        ["CallStatus"] = "ringing",
        ["Called"] = "+97140000001",
        ["CalledCountry"] = "AE",
        ["Caller"] = "+971501234567",
        ["CallerName"] = "SARA K",
        ["Direction"] = "inbound",
        ["From"] = "+971501234567",
        ["FromCity"] = "DUBAI",
        ["FromCountry"] = "AE",
        ["To"] = "+97140000001",
        ["ToCountry"] = "AE",
    };
}
