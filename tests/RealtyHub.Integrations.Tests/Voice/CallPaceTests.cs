using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.Integrations.Tests.Voice;

public sealed class CallPaceTests
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("realtime", 1.0)]
    [InlineData("RealTime", 1.0)]
    [InlineData("2", 2.0)]
    [InlineData("2x", 2.0)]
    [InlineData("0.5", 0.5)]
    public void Pace_parses_realtime_and_multipliers(string? text, double speed)
    {
        Assert.Equal(speed, CallPace.Parse(text).Speed);
    }

    [Fact]
    public void Fast_pace_sends_every_frame_at_once()
    {
        var pace = CallPace.Parse("fast");

        Assert.Equal(TimeSpan.Zero, pace.DueTime(1000, TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void Frame_due_times_follow_the_speed()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), CallPace.Realtime.DueTime(10, TimeSpan.FromMilliseconds(20)));
        Assert.Equal(TimeSpan.FromMilliseconds(50), CallPace.Parse("4").DueTime(10, TimeSpan.FromMilliseconds(20)));
    }

    [Theory]
    [InlineData("warp")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1e9")]
    public void Unknown_pace_is_refused_with_the_accepted_forms(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => CallPace.Parse(text));

        Assert.Contains("'realtime', 'fast' or a speed multiplier", error.Message, StringComparison.Ordinal);
    }
}
