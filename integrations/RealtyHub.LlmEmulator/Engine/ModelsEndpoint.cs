using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RealtyHub.LlmEmulator.Wire;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary><c>GET v1/models</c>: the configured models.</summary>
internal static class ModelsEndpoint
{
    public static IResult Handle(IOptions<LlmEmulatorOptions> options) =>
        Results.Json(new ModelListJson(options.Value.Models.Select(id => new ModelJson(id, 1_700_000_000)).ToList()), OpenAiJson.Options);
}
