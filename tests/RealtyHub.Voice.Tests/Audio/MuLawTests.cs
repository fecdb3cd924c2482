using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Tests.Audio;

public sealed class MuLawTests
{
    // G.711 Table 2a, mu-law: segment k (after undoing the bit inversion) starts at this decoder output value and
    // its 16 outputs are spaced by StepSize[k], in the standard's 14-bit units (full scale 8159). ×4 gives 16-bit PCM.
    private static readonly int[] SegmentFirstOutput = [0, 33, 99, 231, 495, 1023, 2079, 4191];
    private static readonly int[] StepSize = [2, 4, 8, 16, 32, 64, 128, 256];

    [Fact]
    public void Mu_law_decodes_every_code_to_the_G711_table_value()
    {
        for (int code = 0; code < 256; code++)
        {
            int transmitted = code ^ 0xFF;
            bool negative = transmitted >= 0x80;
            int segment = (transmitted & 0x7F) / 16;
            int position = transmitted % 16;
            int expected = 4 * (SegmentFirstOutput[segment] + (position * StepSize[segment]));

            Assert.Equal(negative ? -expected : expected, MuLaw.Decode((byte)code));
        }
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xF0, 120)]
    [InlineData(0x70, -120)]
    [InlineData(0xEF, 132)]
    [InlineData(0xDF, 396)]
    [InlineData(0x8F, 16764)]
    [InlineData(0x9F, 8316)]
    public void Mu_law_decodes_spot_values_from_the_standard(int code, int expected)
    {
        Assert.Equal(expected, MuLaw.Decode((byte)code));
    }

    [Fact]
    public void Mu_law_round_trip_stays_within_half_a_quantisation_step_for_every_16_bit_value()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            byte code = MuLaw.Encode((short)sample);
            int decoded = MuLaw.Decode(code);
            int segment = ((code ^ 0xFF) & 0x7F) / 16;
            int halfStep = 4 * StepSize[segment] / 2;

            // Beyond the top output value the encoder clips, so the error grows with the overshoot.
            int clipped = Math.Clamp(sample, -32124 - halfStep, 32124 + halfStep);
            Assert.True(Math.Abs(decoded - clipped) <= halfStep, $"{sample} encoded to 0x{code:X2}, decoded {decoded}");
            Assert.True(decoded == 0 || Math.Sign(decoded) == Math.Sign(sample), $"{sample} changed sign");
        }
    }

    [Fact]
    public void Mu_law_encodes_each_decoded_table_value_back_to_an_equivalent_code()
    {
        for (int code = 0; code < 256; code++)
        {
            short value = MuLaw.Decode((byte)code);
            Assert.Equal(value, MuLaw.Decode(MuLaw.Encode(value)));
        }
    }

    [Fact]
    public void Mu_law_span_round_trip_scales_to_unit_range_and_clips_overs()
    {
        float[] samples = [0f, 0.5f, -0.25f, 1.5f, -2f, float.NaN];
        var codes = new byte[samples.Length];
        var decoded = new float[samples.Length];

        MuLaw.Encode(samples, codes);
        MuLaw.Decode(codes, decoded);

        Assert.Equal(0f, decoded[0]);
        Assert.InRange(decoded[1], 0.5f - (512 / 32768f), 0.5f + (512 / 32768f));
        Assert.InRange(decoded[2], -0.25f - (256 / 32768f), -0.25f + (256 / 32768f));
        Assert.Equal(32124 / 32768f, decoded[3]);
        Assert.Equal(-32124 / 32768f, decoded[4]);
        Assert.Equal(0f, decoded[5]);
    }

    [Fact]
    public void Mu_law_span_decode_rejects_a_too_small_destination_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => MuLaw.Decode(new byte[10], new float[5]));
        Assert.Contains("10", ex.Message, StringComparison.Ordinal);
    }
}
