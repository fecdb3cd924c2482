namespace RealtyHub.Voice.Audio;

/// <summary>Audio we cannot read: the message says what is wrong in words a user can act on.</summary>
public sealed class AudioFormatException(string message, Exception? inner = null) : FormatException(message, inner);
