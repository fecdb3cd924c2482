namespace RealtyHub.Voice.Audio;

/// <summary>Remembers which recent frames were softly above the noise floor, to move a detected start back to
/// where the speech really began (a soft "th" or "h" before the vowel that crossed the start threshold).</summary>
internal sealed class OnsetFinder(int lookbackFrames, int maxGapFrames)
{
    private readonly bool[] _soft = new bool[lookbackFrames + 1];
    private long _frames;

    public void Record(bool soft)
    {
        _soft[_frames % _soft.Length] = soft;
        _frames++;
    }

    /// <summary>How many frames before the trigger run (which ends at the last recorded frame) the speech began:
    /// the earliest soft frame reachable within the lookback across gaps of at most <c>maxGapFrames</c>.</summary>
    public int FramesBefore(int triggerRunFrames)
    {
        long runStart = _frames - triggerRunFrames;
        int found = 0;
        int gap = 0;
        for (int back = 1; back <= lookbackFrames && runStart - back >= 0 && back + triggerRunFrames <= _soft.Length; back++)
        {
            if (_soft[(runStart - back) % _soft.Length])
            {
                found = back;
                gap = 0;
            }
            else if (++gap > maxGapFrames)
            {
                break;
            }
        }

        return found;
    }
}
