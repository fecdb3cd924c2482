using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RealtyHub.TwilioEmulator.Engine;
using RealtyHub.TwilioEmulator.Rest;

namespace RealtyHub.TwilioEmulator.Media;

/// <summary>
/// Inbound media, served like Twilio serves it: the URL in the webhook needs the account's Basic auth and
/// answers with a redirect to a short-lived storage URL (here: one carrying an unguessable token).
/// </summary>
internal static class MediaEndpoints
{
    public static void MapMediaApi(this IEndpointRouteBuilder group)
    {
        group.MapGet("/media/{mediaSid}", Redirect).AddEndpointFilter<RestGuardFilter>();
        group.MapGet("/media/{mediaSid}/content/{token}", Content);
    }

    private static IResult Redirect(HttpContext http, string mediaSid, EmulatorStore store, EmulatorUrls urls)
    {
        if (store.FindMedia(mediaSid) is not { } media)
        {
            return NotFound(mediaSid);
        }

        var request = http.Request;
        return Results.Redirect($"{request.Scheme}://{request.Host}{request.PathBase}{urls.MediaDownloadPath(media)}", permanent: false, preserveMethod: true);
    }

    private static IResult Content(string mediaSid, string token, EmulatorStore store)
    {
        if (store.FindMedia(mediaSid) is not { } media
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(media.DownloadToken)))
        {
            return NotFound(mediaSid);
        }

        return Results.Bytes(media.Content, media.ContentType);
    }

    private static IResult NotFound(string mediaSid) =>
        new RestError(Integrations.Twilio.TwilioErrorCodes.NotFound, $"The requested media {mediaSid} was not found", System.Net.HttpStatusCode.NotFound).ToResult();
}
