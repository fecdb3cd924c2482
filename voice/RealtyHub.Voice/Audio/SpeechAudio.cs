namespace RealtyHub.Voice.Audio;

/// <summary>
/// Turns an uploaded voice note or recording into what the transcriber wants: 16 kHz mono samples in [-1, 1].
/// Supports WAV, Ogg/Opus (WhatsApp) and WebM/Opus (browsers), recognised by their first bytes.
/// </summary>
public static class SpeechAudio
{
    /// <summary>The sample rate of every clip this class returns (Whisper's input rate).</summary>
    public const int SampleRate = 16000;

    /// <summary>Longest audio accepted by <see cref="Decode(ReadOnlySpan{byte}, string?)"/>.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(10);

    private const string Supported = "send Ogg/Opus, WebM/Opus or WAV";

    /// <summary>Decodes <paramref name="data"/> to 16 kHz mono, refusing audio longer than 10 minutes.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="contentType">The declared MIME type; only used to word errors, the bytes decide the format.</param>
    /// <exception cref="AudioFormatException">Unsupported, corrupt, truncated or too long audio.</exception>
    public static AudioClip Decode(ReadOnlySpan<byte> data, string? contentType) => Decode(data, contentType, DefaultMaxDuration);

    /// <summary>Decodes <paramref name="data"/> to 16 kHz mono, refusing audio longer than <paramref name="maxDuration"/>.</summary>
    /// <exception cref="AudioFormatException">Unsupported, corrupt, truncated or too long audio.</exception>
    public static AudioClip Decode(ReadOnlySpan<byte> data, string? contentType, TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxDuration, TimeSpan.Zero);
        if (data.IsEmpty)
        {
            throw new AudioFormatException("The voice note is empty (0 bytes).");
        }

        var container = AudioSniffer.Sniff(data);
        var decoded = container switch
        {
            AudioContainer.Wav => WavFile.Read(data),
            AudioContainer.Ogg => OggOpusDecoder.Decode(data, maxDuration),
            AudioContainer.WebM => WebMOpusDecoder.Decode(data, maxDuration),
            _ => throw new AudioFormatException(
                $"Voice notes in {AudioSniffer.Describe(container, contentType)} are not supported; {Supported}."),
        };

        if (decoded.Duration > maxDuration)
        {
            throw new AudioFormatException(
                $"The audio lasts {DurationText.Format(decoded.Duration)}; the limit is {DurationText.Format(maxDuration)}. Send a shorter recording.");
        }

        return decoded.SampleRate == SampleRate ? decoded : Resampler.Resample(decoded, SampleRate);
    }
}
