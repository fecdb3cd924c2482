namespace RealtyHub.Voice.Audio;

/// <summary>What the first bytes of a file say it is.</summary>
internal enum AudioContainer
{
    Unknown,
    Wav,
    Ogg,
    WebM,
    Mp3,
    Mp4,
    Amr,
    Flac,
    Aac,
}
