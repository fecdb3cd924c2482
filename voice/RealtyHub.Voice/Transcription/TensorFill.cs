namespace RealtyHub.Voice.Transcription;

/// <summary>Layer-norm gains start at one and offsets at zero (as in training); everything else is small noise.</summary>
internal enum TensorFill
{
    Random,
    One,
    Zero,
}
