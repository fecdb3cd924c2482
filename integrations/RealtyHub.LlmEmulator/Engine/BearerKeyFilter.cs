using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>Checks <c>Authorization: Bearer {key}</c> when the emulator has a key; answers 401 in OpenAI's shape otherwise.</summary>
internal sealed class BearerKeyFilter(IOptions<LlmEmulatorOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        return presented == expected ? await next(context) : OpenAiErrors.InvalidKey(presented);
    }
}
