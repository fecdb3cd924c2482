namespace RealtyHub.Voice.Audio;

/// <summary>The Matroska element IDs the WebM demuxer reads (https://www.matroska.org/technical/elements.html).</summary>
internal static class MatroskaIds
{
    public const uint Ebml = 0x1A45DFA3;
    public const uint DocType = 0x4282;
    public const uint Segment = 0x18538067;
    public const uint Tracks = 0x1654AE6B;
    public const uint TrackEntry = 0xAE;
    public const uint TrackNumber = 0xD7;
    public const uint CodecId = 0x86;
    public const uint CodecPrivate = 0x63A2;
    public const uint Cluster = 0x1F43B675;
    public const uint SimpleBlock = 0xA3;
    public const uint BlockGroup = 0xA0;
    public const uint Block = 0xA1;

    /// <summary>Masters we descend into instead of skipping, so their end never needs to be known.</summary>
    public static bool IsDescended(uint id) => id is Ebml or Segment or Tracks or TrackEntry or Cluster or BlockGroup;
}
