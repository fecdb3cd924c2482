namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// A Media Stream message broke the protocol: not JSON, an unknown event, a missing or malformed field, a payload
/// that is not Base64, a format other than 8 kHz mono mu-law, a binary or oversize WebSocket message.
/// The message says which and where.
/// </summary>
public sealed class MediaStreamProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaStreamProtocolException()
        : base("The Media Stream message broke the protocol.")
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public MediaStreamProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public MediaStreamProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
