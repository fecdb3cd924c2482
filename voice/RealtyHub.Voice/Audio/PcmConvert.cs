namespace RealtyHub.Voice.Audio;

/// <summary>Float [-1, 1] to and from 16-bit integer samples, with rounding and clipping.</summary>
internal static class PcmConvert
{
    public static short ToInt16(float sample)
    {
        // NaN would otherwise become short.MinValue through the cast; treat it as silence.
        if (float.IsNaN(sample))
        {
            return 0;
        }

        float scaled = MathF.Round(sample * 32768f);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }
}
