namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Storage sizes of the ggml tensor types found in Whisper model files (ggml/src/ggml.c, type_traits: block size and
/// bytes per block). Quantized types store blocks of 32 or 256 values.
/// </summary>
internal static class GgmlTypes
{
    public const int F32 = 0;
    public const int F16 = 1;

    private static readonly Dictionary<int, (int BlockValues, int BlockBytes)> Sizes = new()
    {
        [F32] = (1, 4),
        [F16] = (1, 2),
        [2] = (32, 18),    // Q4_0
        [3] = (32, 20),    // Q4_1
        [6] = (32, 22),    // Q5_0
        [7] = (32, 24),    // Q5_1
        [8] = (32, 34),    // Q8_0
        [10] = (256, 84),  // Q2_K
        [11] = (256, 110), // Q3_K
        [12] = (256, 144), // Q4_K
        [13] = (256, 176), // Q5_K
        [14] = (256, 210), // Q6_K
        [30] = (1, 2),     // BF16
    };

    public static bool TryGetDataSize(int type, long elements, out long bytes)
    {
        bytes = 0;
        if (!Sizes.TryGetValue(type, out var size) || elements % size.BlockValues != 0)
        {
            return false;
        }
        bytes = elements / size.BlockValues * size.BlockBytes;
        return true;
    }
}
