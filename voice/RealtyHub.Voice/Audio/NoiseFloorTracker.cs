namespace RealtyHub.Voice.Audio;

/// <summary>The noise floor as the minimum frame energy over a sliding window ("minimum statistics").</summary>
/// <remarks>Speech has short pauses between syllables and words, so the window minimum stays near the background
/// level while someone talks, yet follows the background up when it gets louder for longer than the window.</remarks>
internal sealed class NoiseFloorTracker(int windowFrames)
{
    private readonly double[] _energies = new double[windowFrames];
    private int _count;
    private int _next;

    /// <summary>The floor in dBFS, or null before the first frame.</summary>
    public double? Floor
    {
        get
        {
            if (_count == 0)
            {
                return null;
            }

            double minimum = double.MaxValue;
            for (int i = 0; i < _count; i++)
            {
                minimum = Math.Min(minimum, _energies[i]);
            }

            return minimum;
        }
    }

    public void Add(double energyDb)
    {
        _energies[_next] = energyDb;
        _next = (_next + 1) % _energies.Length;
        _count = Math.Min(_count + 1, _energies.Length);
    }
}
