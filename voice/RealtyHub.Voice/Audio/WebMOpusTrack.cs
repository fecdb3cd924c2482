namespace RealtyHub.Voice.Audio;

/// <summary>An Opus track found in a WebM file: its header and where each packet lies in the file.</summary>
internal sealed record WebMOpusTrack(OpusHead Head, IReadOnlyList<Range> Packets);
