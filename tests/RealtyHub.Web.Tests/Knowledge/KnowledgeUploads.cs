using System.Security.Cryptography;
using System.Text;

namespace RealtyHub.Web.Tests.Knowledge;

/// <summary>Uploads as an API client does (multipart form, field "file"), and words no other test's document contains.</summary>
internal static class KnowledgeUploads
{
    public static string Path(string brokerageId) => $"api/brokerages/{brokerageId}/knowledge";

    public static Task<HttpResponseMessage> UploadAsync(HubClient client, string brokerageId, string fileName, string text) =>
        UploadAsync(client, brokerageId, fileName, Encoding.UTF8.GetBytes(text));

    public static async Task<HttpResponseMessage> UploadAsync(HubClient client, string brokerageId, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return await client.Http.PostAsync(Path(brokerageId), form);
    }

    /// <summary>A made-up word of letters only, so full-text search finds exactly this test's documents.</summary>
    public static string UniqueWord() => "zq" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 10);
}
