namespace RealtyHub.Web.Services;

public static class KnowledgeHostingExtensions
{
    /// <summary>The knowledge base and compliance rules behind their console pages and API (the stores come with the grain services).</summary>
    public static WebApplicationBuilder AddRealtyHubKnowledge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<KnowledgeService>();
        builder.Services.AddSingleton<ComplianceService>();
        return builder;
    }
}
