namespace RealtyHub.Voice.Transcription;

/// <summary>One tensor of a generated model: ggml dimensions (innermost first), f16 or f32, and how to fill it.</summary>
internal sealed record TensorSpec(string Name, int[] Dimensions, bool Half, TensorFill Fill)
{
    public long Elements => Dimensions.Aggregate(1L, (product, d) => product * d);
}
