namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>What the emulated caller sends once the stream is open: the audio frames, then keys, then marks.</summary>
internal sealed record EmulatedCallScript(
    IReadOnlyList<ReadOnlyMemory<byte>> Frames, CallPace Pace, string Dtmf, IReadOnlyList<string> Marks)
{
    /// <summary>The script of <paramref name="request"/>, its audio converted to mu-law frames.</summary>
    /// <exception cref="ArgumentException">A DTMF key or mark name is invalid, or the audio is empty or too long.</exception>
    /// <exception cref="FormatException">The audio is not a WAV file the emulator can read.</exception>
    public static EmulatedCallScript From(EmulatedCallRequest request)
    {
        var dtmf = request.Dtmf ?? string.Empty;
        foreach (var key in dtmf)
        {
            if (!"0123456789*#".Contains(key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"DTMF '{dtmf}' has '{key}', which is not a phone key (0-9, *, #).", nameof(request));
            }
        }

        var marks = request.Marks ?? [];
        if (marks.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Mark names cannot be empty.", nameof(request));
        }

        return new EmulatedCallScript(CallAudio.ToMuLawFrames(request.Wav.Span), request.Pace, dtmf, marks);
    }
}
