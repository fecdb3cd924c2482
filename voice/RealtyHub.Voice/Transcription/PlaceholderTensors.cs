namespace RealtyHub.Voice.Transcription;

/// <summary>
/// The tensors whisper_model_load (src/whisper.cpp) expects, with ggml dimension order (innermost first) and storage
/// type: big matrices and convolution kernels in f16 like the released models, vectors and positional embeddings f32.
/// </summary>
internal static class PlaceholderTensors
{
    public static IEnumerable<TensorSpec> For(WhisperModelShape shape)
    {
        var n = shape.State;
        yield return new("encoder.positional_embedding", [n, WhisperModelShape.AudioContext], Half: false, TensorFill.Random);
        yield return new("encoder.conv1.weight", [3, WhisperModelShape.MelBands, n], Half: true, TensorFill.Random);
        yield return new("encoder.conv1.bias", [1, n], Half: false, TensorFill.Random);
        yield return new("encoder.conv2.weight", [3, n, n], Half: true, TensorFill.Random);
        yield return new("encoder.conv2.bias", [1, n], Half: false, TensorFill.Random);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            foreach (var tensor in Block($"encoder.blocks.{layer}", n, crossAttention: false))
            {
                yield return tensor;
            }
        }
        yield return new("encoder.ln_post.weight", [n], Half: false, TensorFill.One);
        yield return new("encoder.ln_post.bias", [n], Half: false, TensorFill.Zero);

        yield return new("decoder.positional_embedding", [n, WhisperModelShape.TextContext], Half: false, TensorFill.Random);
        yield return new("decoder.token_embedding.weight", [n, shape.VocabularySize], Half: true, TensorFill.Random);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            foreach (var tensor in Block($"decoder.blocks.{layer}", n, crossAttention: true))
            {
                yield return tensor;
            }
        }
        yield return new("decoder.ln.weight", [n], Half: false, TensorFill.One);
        yield return new("decoder.ln.bias", [n], Half: false, TensorFill.Zero);
    }

    private static IEnumerable<TensorSpec> Block(string prefix, int n, bool crossAttention)
    {
        foreach (var tensor in Attention($"{prefix}.attn", n))
        {
            yield return tensor;
        }
        yield return new($"{prefix}.attn_ln.weight", [n], Half: false, TensorFill.One);
        yield return new($"{prefix}.attn_ln.bias", [n], Half: false, TensorFill.Zero);
        if (crossAttention)
        {
            foreach (var tensor in Attention($"{prefix}.cross_attn", n))
            {
                yield return tensor;
            }
            yield return new($"{prefix}.cross_attn_ln.weight", [n], Half: false, TensorFill.One);
            yield return new($"{prefix}.cross_attn_ln.bias", [n], Half: false, TensorFill.Zero);
        }
        yield return new($"{prefix}.mlp.0.weight", [n, 4 * n], Half: true, TensorFill.Random);
        yield return new($"{prefix}.mlp.0.bias", [4 * n], Half: false, TensorFill.Random);
        yield return new($"{prefix}.mlp.2.weight", [4 * n, n], Half: true, TensorFill.Random);
        yield return new($"{prefix}.mlp.2.bias", [n], Half: false, TensorFill.Random);
        yield return new($"{prefix}.mlp_ln.weight", [n], Half: false, TensorFill.One);
        yield return new($"{prefix}.mlp_ln.bias", [n], Half: false, TensorFill.Zero);
    }

    // Whisper's key projection has no bias (openai/whisper model.py, MultiHeadAttention).
    private static IEnumerable<TensorSpec> Attention(string prefix, int n) =>
    [
        new($"{prefix}.query.weight", [n, n], Half: true, TensorFill.Random),
        new($"{prefix}.query.bias", [n], Half: false, TensorFill.Random),
        new($"{prefix}.key.weight", [n, n], Half: true, TensorFill.Random),
        new($"{prefix}.value.weight", [n, n], Half: true, TensorFill.Random),
        new($"{prefix}.value.bias", [n], Half: false, TensorFill.Random),
        new($"{prefix}.out.weight", [n, n], Half: true, TensorFill.Random),
        new($"{prefix}.out.bias", [n], Half: false, TensorFill.Random),
    ];
}
