namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>
/// A theory that measures rather than checks and takes tens of seconds: it runs only when REALTYHUB_MEASURE=1 and
/// otherwise shows as skipped with the way to run it.
/// </summary>
public sealed class MeasurementTheoryAttribute : TheoryAttribute
{
    public MeasurementTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("REALTYHUB_MEASURE") != "1")
        {
            Skip = "A measurement: run with REALTYHUB_MEASURE=1.";
        }
    }
}
