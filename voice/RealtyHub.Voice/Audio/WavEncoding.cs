namespace RealtyHub.Voice.Audio;

/// <summary>How the samples in a WAV data chunk are stored (the "fmt " chunk's format tag, resolved for EXTENSIBLE).</summary>
internal enum WavEncoding
{
    Pcm = 1,
    IeeeFloat = 3,
    ALaw = 6,
    MuLaw = 7,
}
