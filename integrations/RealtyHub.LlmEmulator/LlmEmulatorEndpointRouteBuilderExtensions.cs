using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.LlmEmulator.Engine;

namespace RealtyHub.LlmEmulator;

/// <summary>Maps the LLM emulator's endpoints.</summary>
public static class LlmEmulatorEndpointRouteBuilderExtensions
{
    /// <summary>The default mount point; the OpenAI base URL is then <c>{host}/llm-emulator/v1</c>.</summary>
    public const string DefaultPrefix = "/llm-emulator";

    /// <summary>
    /// Maps, under <paramref name="prefix"/>, <c>POST v1/chat/completions</c> (JSON, or server-sent events with
    /// <c>"stream": true</c>) and <c>GET v1/models</c>, both behind the bearer key. The group allows anonymous
    /// callers (the emulator checks the key itself), skips antiforgery and is left out of API descriptions.
    /// </summary>
    public static RouteGroupBuilder MapLlmEmulator(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _ = endpoints.ServiceProvider.GetService<LlmEmulatorService>()
            ?? throw new InvalidOperationException("Call services.AddLlmEmulator(...) before MapLlmEmulator().");

        var group = endpoints.MapGroup(prefix);
        group.AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        group.AddEndpointFilter<BearerKeyFilter>();
        group.MapPost("v1/chat/completions", ChatCompletionsEndpoint.HandleAsync);
        group.MapGet("v1/models", ModelsEndpoint.Handle);
        return group;
    }
}
