using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// Where the emulator is reachable: the path prefix it was mapped under and its public base URL
/// (<see cref="TwilioEmulatorOptions.PublicBaseUrl"/>, else the first address the server listens on).
/// </summary>
internal sealed class EmulatorUrls(IServiceProvider services, IOptions<TwilioEmulatorOptions> options)
{
    public const string DefaultPrefix = "/twilio-emulator";

    public string Prefix { get; set; } = DefaultPrefix;

    public Uri MediaUrl(string mediaSid) => new($"{Root()}/media/{mediaSid}");

    public string MediaDownloadPath(StoredMedia media) => $"{Prefix.TrimEnd('/')}/media/{media.Sid}/content/{media.DownloadToken}";

    private string Root()
    {
        var baseUrl = options.Value.PublicBaseUrl?.AbsoluteUri ?? ListeningAddress()
            ?? throw new InvalidOperationException(
                "The Twilio emulator does not know its own URL: set TwilioEmulatorOptions.PublicBaseUrl.");
        return baseUrl.TrimEnd('/') + Prefix.TrimEnd('/');
    }

    private string? ListeningAddress()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // Kestrel reports wildcard bindings as http://[::]:80, http://0.0.0.0:80 or http://+:80; only loopback is callable.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.AbsoluteUri;
    }
}
