namespace RealtyHub.Voice.Transcription;

/// <summary>
/// The mel filter bank Whisper was trained with: librosa.filters.mel(sr=16000, n_fft=400, n_mels=80), i.e. Slaney's
/// mel scale (linear below 1 kHz, logarithmic above) with area-normalised triangles. See
/// https://librosa.org/doc/latest/generated/librosa.filters.mel.html
/// </summary>
internal static class MelFilterBank
{
    private const double SampleRate = 16000;
    private const int FftSize = 400;

    public const int Bins = 1 + (FftSize / 2);

    /// <summary>Row-major [bands, <see cref="Bins"/>] weights.</summary>
    public static float[] Create(int bands)
    {
        var binFrequencies = Enumerable.Range(0, Bins).Select(i => i * SampleRate / FftSize).ToArray();
        var maxMel = HzToMel(SampleRate / 2);
        var edges = Enumerable.Range(0, bands + 2).Select(i => MelToHz(maxMel * i / (bands + 1))).ToArray();

        var weights = new float[bands * Bins];
        for (var band = 0; band < bands; band++)
        {
            var (left, centre, right) = (edges[band], edges[band + 1], edges[band + 2]);
            var norm = 2.0 / (right - left);
            for (var bin = 0; bin < Bins; bin++)
            {
                var rising = (binFrequencies[bin] - left) / (centre - left);
                var falling = (right - binFrequencies[bin]) / (right - centre);
                weights[(band * Bins) + bin] = (float)(Math.Max(0, Math.Min(rising, falling)) * norm);
            }
        }
        return weights;
    }

    private const double LinearStep = 200.0 / 3;
    private const double LogStartHz = 1000;
    private const double LogStartMel = LogStartHz / LinearStep;
    private static readonly double LogStep = Math.Log(6.4) / 27;

    private static double HzToMel(double hz) =>
        hz < LogStartHz ? hz / LinearStep : LogStartMel + (Math.Log(hz / LogStartHz) / LogStep);

    private static double MelToHz(double mel) =>
        mel < LogStartMel ? mel * LinearStep : LogStartHz * Math.Exp(LogStep * (mel - LogStartMel));
}
