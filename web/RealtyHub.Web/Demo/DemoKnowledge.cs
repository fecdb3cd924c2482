using RealtyHub.Grains.Data;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Demo;

/// <summary>
/// The demo brokerage's knowledge base (area guides, policies, scripts: <c>Demo/Knowledge/*.md</c>, embedded) and its
/// compliance rules (the defaults). Seeded once: documents only while the brokerage has none, so a document the owner
/// deleted stays deleted; fixed ids make two nodes seeding at once harmless.
/// </summary>
internal static class DemoKnowledge
{
    private const string ResourcePrefix = "demo-knowledge/";

    public static async Task SeedAsync(IServiceProvider services, string brokerageId, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<IComplianceRules>().EnsureDefaultsAsync(brokerageId, cancellationToken);
        var knowledge = services.GetRequiredService<IKnowledgeBase>();
        if ((await knowledge.ListAsync(brokerageId, 1, cancellationToken)).Count > 0)
        {
            return;
        }

        var assembly = typeof(DemoKnowledge).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var fileName = resource[ResourcePrefix.Length..];
            var (file, problem) = KnowledgeFile.Read(fileName, buffer.ToArray());
            if (file is null)
            {
                throw new InvalidOperationException($"Demo document {fileName} is not a valid knowledge document: {problem}");
            }

            await knowledge.AddAsync(
                new NewKnowledgeDocument(brokerageId, file.Title, file.Body, file.FileName, "Marina Realty (demo)", "demo-" + Path.GetFileNameWithoutExtension(fileName)),
                cancellationToken);
        }
    }
}
