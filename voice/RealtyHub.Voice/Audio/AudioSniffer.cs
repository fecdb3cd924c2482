namespace RealtyHub.Voice.Audio;

/// <summary>Recognises audio containers by their magic bytes; file names and content types can lie.</summary>
internal static class AudioSniffer
{
    public static AudioContainer Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioContainer.Wav;
        }

        if (data.StartsWith("OggS"u8))
        {
            return AudioContainer.Ogg;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return AudioContainer.WebM;
        }

        if (data.StartsWith("#!AMR"u8))
        {
            return AudioContainer.Amr;
        }

        if (data.StartsWith("fLaC"u8))
        {
            return AudioContainer.Flac;
        }

        if (data.Length >= 8 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return AudioContainer.Mp4;
        }

        if (data.StartsWith("ID3"u8))
        {
            return AudioContainer.Mp3;
        }

        // MPEG audio frame sync is 11 set bits; layer bits 00 mean ADTS AAC rather than MP3.
        if (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0)
        {
            return (data[1] & 0x06) == 0 ? AudioContainer.Aac : AudioContainer.Mp3;
        }

        return AudioContainer.Unknown;
    }

    /// <summary>A name for error messages: the MIME type we recognised, else the caller's content type.</summary>
    public static string Describe(AudioContainer container, string? contentType) => container switch
    {
        AudioContainer.Mp3 => "MP3 (audio/mpeg)",
        AudioContainer.Mp4 => "MP4/M4A (audio/mp4)",
        AudioContainer.Amr => "AMR (audio/amr)",
        AudioContainer.Flac => "FLAC (audio/flac)",
        AudioContainer.Aac => "AAC (audio/aac)",
        _ => string.IsNullOrWhiteSpace(contentType) ? "an unrecognised format" : contentType.Trim(),
    };
}
