namespace RealtyHub.Grains.Voice;

/// <summary>Too much audio is waiting for the speech engine; the caller retries after a pause.</summary>
public sealed class SpeechEngineBusyException(string message) : Exception(message);
