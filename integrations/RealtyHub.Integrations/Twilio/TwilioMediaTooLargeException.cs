namespace RealtyHub.Integrations.Twilio;

/// <summary>A media item is larger than <see cref="TwilioOptions.MaxMediaBytes"/>; nothing beyond the limit was read.</summary>
public sealed class TwilioMediaTooLargeException : Exception
{
    /// <summary>Creates the exception for <paramref name="mediaUrl"/>.</summary>
    public TwilioMediaTooLargeException(Uri mediaUrl, long limitBytes, long? declaredBytes)
        : base(declaredBytes is { } declared
            ? $"Media {mediaUrl} is {declared} bytes; the limit is {limitBytes} bytes."
            : $"Media {mediaUrl} is larger than the limit of {limitBytes} bytes.")
    {
        MediaUrl = mediaUrl;
        LimitBytes = limitBytes;
        DeclaredBytes = declaredBytes;
    }

    /// <summary>The media that was refused.</summary>
    public Uri MediaUrl { get; }

    /// <summary>The limit in force.</summary>
    public long LimitBytes { get; }

    /// <summary>The size the server announced in <c>Content-Length</c>, if it announced one.</summary>
    public long? DeclaredBytes { get; }
}
