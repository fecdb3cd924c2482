namespace RealtyHub.Voice.Transcription;

/// <summary>
/// What the header of a ggml Whisper model file says: Type is tiny, base, small, medium, large or unknown (whisper.cpp
/// names models by encoder depth); IsMultilingual is false for the English-only *.en models (51864 tokens), which
/// always transcribe English.
/// </summary>
public sealed record WhisperModelInfo(string Type, bool IsMultilingual, int State, int Heads, int AudioLayers, int TextLayers, int TensorCount);
