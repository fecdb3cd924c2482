using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Voice;

/// <summary>The port when the host registered no speech engine: every transcript is "unavailable", with the fix.</summary>
internal sealed class NoSpeechEngine : ISpeechToText
{
    public string? Problem => "This host has no speech engine: register it with AddRealtyHubVoice (the hub's hosting does).";

    public Task<MediaTranscript> TranscribeMediaAsync(string brokerageId, string mediaId, string? language, CancellationToken cancellationToken = default) =>
        Task.FromResult(new MediaTranscript(TranscriptStatus.Unavailable, Note: Problem));
}
