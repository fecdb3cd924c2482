namespace RealtyHub.Voice.Audio;

/// <summary>Averages interleaved channels into mono.</summary>
internal static class Downmix
{
    public static void AppendMono(ReadOnlySpan<float> interleaved, int channels, List<float> mono)
    {
        if (channels == 1)
        {
            mono.AddRange(interleaved);
            return;
        }

        float scale = 1f / channels;
        for (int frame = 0; frame + channels <= interleaved.Length; frame += channels)
        {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                sum += interleaved[frame + channel];
            }

            mono.Add(sum * scale);
        }
    }
}
