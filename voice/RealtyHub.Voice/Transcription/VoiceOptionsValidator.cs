using Microsoft.Extensions.Options;

namespace RealtyHub.Voice.Transcription;

/// <summary>Fails start-up with every problem in <c>RealtyHub:Voice</c> named, rather than at the first transcription.</summary>
internal sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
