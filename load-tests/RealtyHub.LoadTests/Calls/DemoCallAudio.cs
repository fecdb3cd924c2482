using RealtyHub.Integrations.Twilio.Voice;
using RealtyHub.LoadTests.Environment;
using RealtyHub.Voice.Audio;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// The demo's recorded call (espeak-ng speech, 8 kHz), read from the sources: as 16 kHz samples for the real-time
/// factor probe and as the 20 ms mu-law frames Twilio would stream for it.
/// </summary>
public sealed class DemoCallAudio
{
    public const string RelativePath = "web/RealtyHub.Web/Demo/Audio/demo-call.wav";

    /// <summary>Utterances in the recording, so final transcript lines expected per replay.</summary>
    public const int LinesPerReplay = 4;

    private const int TelephoneRate = 8000;
    private const int SpeechRate = 16000;

    // mu-law's code for 0: pads the last frame with silence rather than a click.
    private const byte MuLawSilence = 0xFF;

    private DemoCallAudio(TimeSpan duration, float[] speech, IReadOnlyList<byte[]> frames)
    {
        Duration = duration;
        Speech = speech;
        Frames = frames;
    }

    public static TimeSpan FrameLength { get; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan Duration { get; }

    /// <summary>The recording at 16 kHz mono, as the transcriber takes it.</summary>
#pragma warning disable CA1819 // The probe takes the array as memory; a copy per run would only add noise.
    public float[] Speech { get; }
#pragma warning restore CA1819

    /// <summary>160-byte mu-law payloads, one per 20 ms, as a Twilio Media Stream carries them.</summary>
    public IReadOnlyList<byte[]> Frames { get; }

    public static DemoCallAudio Load()
    {
        var path = Path.Combine(HubBuildOutput.FindRepositoryRoot(), RelativePath);
        var clip = WavFile.Read(File.ReadAllBytes(path));

        // Twilio always streams 8 kHz; the file is 8 kHz already, but a re-recorded one need not be.
        var telephone = clip.SampleRate == TelephoneRate ? clip : Resampler.Resample(clip, TelephoneRate);
        var codes = new byte[telephone.Samples.Length];
        MuLaw.Encode(telephone.Samples, codes);

        var frames = new List<byte[]>();
        for (var offset = 0; offset < codes.Length; offset += MediaStreamMedia.BytesPer20Milliseconds)
        {
            var frame = new byte[MediaStreamMedia.BytesPer20Milliseconds];
            Array.Fill(frame, MuLawSilence);
            codes.AsSpan(offset, Math.Min(frame.Length, codes.Length - offset)).CopyTo(frame);
            frames.Add(frame);
        }

        return new DemoCallAudio(clip.Duration, Resampler.Resample(clip, SpeechRate).Samples, frames);
    }
}
