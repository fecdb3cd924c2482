namespace RealtyHub.Voice.Audio;

/// <summary>The recent part of a sample stream, addressed by absolute sample index.</summary>
internal sealed class StreamAudioBuffer
{
    private readonly List<float> _samples = [];

    /// <summary>Absolute index of the oldest sample held.</summary>
    public long Start { get; private set; }

    /// <summary>Absolute index just after the newest sample.</summary>
    public long End => Start + _samples.Count;

    public void Append(ReadOnlySpan<float> samples) => _samples.AddRange(samples);

    /// <summary>Forgets samples before <paramref name="index"/>.</summary>
    public void DropBefore(long index)
    {
        int count = (int)Math.Clamp(index - Start, 0, _samples.Count);
        _samples.RemoveRange(0, count);
        Start += count;
    }

    public float[] Copy(long from, long to) => _samples.GetRange((int)(from - Start), (int)(to - from)).ToArray();
}
