namespace RealtyHub.Voice.Audio;

/// <summary>Decodes WebM/Opus (Chromium MediaRecorder, <c>audio/webm;codecs=opus</c>) to 48 kHz mono.</summary>
internal static class WebMOpusDecoder
{
    public static AudioClip Decode(ReadOnlySpan<byte> webm, TimeSpan maxDuration)
    {
        var track = WebMDemuxer.ReadOpusTrack(webm);
        if (track.Packets.Count == 0)
        {
            throw new AudioFormatException("The WebM file has an Opus track but no audio packets (empty recording?).");
        }

        long maxSamples = (long)(maxDuration.TotalSeconds * OpusPacketDecoder.SampleRate);
        var samples = OpusPacketDecoder.DecodeToMono(webm, track.Packets, track.Head, maxSamples);
        return new AudioClip(samples, OpusPacketDecoder.SampleRate);
    }
}
