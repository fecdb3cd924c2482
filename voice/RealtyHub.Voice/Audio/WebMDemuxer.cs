// Our own implementation of what a Matroska/WebM demuxer package would do; that library is not on our NuGet mirror.
using System.Text;

namespace RealtyHub.Voice.Audio;

/// <summary>A minimal Matroska/WebM demuxer: finds the Opus track and its packets in file order.</summary>
/// <remarks>
/// Chromium's MediaRecorder writes the Segment and every Cluster with unknown size (it cannot seek back while
/// recording), so the demuxer never relies on a master element's end: it steps into the masters it needs
/// (<see cref="MatroskaIds.IsDescended"/>) and skips every other element by its size. Block timecodes are not
/// needed: Opus packets are decoded back to back. https://www.matroska.org/technical/elements.html .
/// </remarks>
internal static class WebMDemuxer
{
    private const string OpusCodecId = "A_OPUS";

    public static WebMOpusTrack ReadOpusTrack(ReadOnlySpan<byte> webm)
    {
        var reader = new EbmlReader(webm);
        if (webm.Length < 4 || reader.ReadElementHeader().Id != MatroskaIds.Ebml)
        {
            throw new AudioFormatException("Not a WebM file: it does not start with an EBML header.");
        }

        reader.Position = 0;
        var tracks = new List<TrackInfo>();
        var blocks = new List<(ulong Track, Range Frame)>();
        var frames = new List<Range>();
        TrackInfo? current = null;

        while (!reader.AtEnd)
        {
            var (id, size) = reader.ReadElementHeader();
            int bodyStart = reader.Position;
            if (MatroskaIds.IsDescended(id))
            {
                if (size != EbmlReader.UnknownSize && size > reader.Length - bodyStart)
                {
                    throw new AudioFormatException(
                        $"The WebM file is truncated: element 0x{id:X} at byte {bodyStart} declares {size} bytes but {reader.Length - bodyStart} remain.");
                }

                if (id == MatroskaIds.TrackEntry)
                {
                    current = new TrackInfo();
                    tracks.Add(current);
                }

                continue;
            }

            if (size == EbmlReader.UnknownSize)
            {
                throw new AudioFormatException($"Unsupported WebM file: element 0x{id:X} at byte {bodyStart} has an unknown size.");
            }

            var body = reader.Take(size, $"element 0x{id:X}");
            switch (id)
            {
                case MatroskaIds.DocType:
                    ThrowUnlessWebM(Text(body));
                    break;
                case MatroskaIds.TrackNumber when current is not null:
                    current.Number = EbmlReader.ReadUnsigned(body);
                    break;
                case MatroskaIds.CodecId when current is not null:
                    current.CodecId = Text(body);
                    break;
                case MatroskaIds.CodecPrivate when current is not null:
                    current.CodecPrivate = new Range(bodyStart, bodyStart + (int)size);
                    break;
                case MatroskaIds.SimpleBlock or MatroskaIds.Block:
                    frames.Clear();
                    ulong track = MatroskaBlock.Read(body, bodyStart, frames);
                    blocks.AddRange(frames.Select(frame => (track, frame)));
                    break;
            }
        }

        return SelectOpus(webm, tracks, blocks);
    }

    private static WebMOpusTrack SelectOpus(ReadOnlySpan<byte> webm, List<TrackInfo> tracks, List<(ulong Track, Range Frame)> blocks)
    {
        var opus = tracks.Find(t => t.CodecId == OpusCodecId);
        if (opus is null)
        {
            string found = tracks.Count == 0 ? "no tracks" : "tracks: " + string.Join(", ", tracks.Select(t => t.CodecId ?? "?"));
            throw new AudioFormatException($"The WebM file has no Opus audio track ({found}).");
        }

        if (opus.CodecPrivate is not { } header)
        {
            throw new AudioFormatException("Corrupt WebM file: the Opus track has no CodecPrivate (OpusHead) header.");
        }

        var packets = blocks.Where(b => b.Track == opus.Number).Select(b => b.Frame).ToList();
        return new WebMOpusTrack(OpusHead.Parse(webm[header]), packets);
    }

    private static void ThrowUnlessWebM(string docType)
    {
        if (docType is not ("webm" or "matroska"))
        {
            throw new AudioFormatException($"Not a WebM file: the EBML document type is \"{docType}\".");
        }
    }

    // EBML strings may be padded with zero bytes (RFC 8794 §7.4).
    private static string Text(ReadOnlySpan<byte> body) => Encoding.ASCII.GetString(body).TrimEnd('\0');

    private sealed class TrackInfo
    {
        public ulong Number { get; set; }

        public string? CodecId { get; set; }

        public Range? CodecPrivate { get; set; }
    }
}
