using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Voice;
using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;
using RealtyHub.Web.Demo;

namespace RealtyHub.Web.Tests.Voice;

/// <summary>
/// A hub with no Whisper model (the default run on a fresh machine): it starts, health says voice is degraded and how
/// to fix it, calls and voice notes go through every step up to transcription, and say that transcripts are unavailable.
/// </summary>
public sealed class NoModelVoiceTests(NoModelVoiceTests.NoModelHub hub) : IClassFixture<NoModelVoiceTests.NoModelHub>
{
    private HubWebApp App => hub.App;

    [Fact]
    public async Task Health_reports_voice_degraded_with_the_command_that_fixes_it()
    {
        using var http = new HttpClient { BaseAddress = App.BaseAddress };

        var health = await http.GetFromJsonAsync<JsonElement>("health");

        var voice = health.GetProperty("checks").GetProperty("voice");
        Assert.Equal("Degraded", voice.GetProperty("status").GetString());
        Assert.Contains("download-model.sh", voice.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", (await http.GetFromJsonAsync<JsonElement>("health/ready")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_call_and_a_voice_note_run_up_to_transcription_and_say_transcripts_are_unavailable()
    {
        var grains = App.Services.GetRequiredService<IGrainFactory>();
        var caller = "+97155" + Random.Shared.Next(1_000_000, 9_999_999);

        var call = await App.Services.GetRequiredService<EmulatedCallService>().PlaceCallAsync(
            new EmulatedCallRequest(caller, DemoDataSeeder.DemoWhatsAppNumber, DemoRecordings.Call) { Pace = CallPace.Fast });
        await App.Services.GetRequiredService<TwilioEmulatorService>().SendInboundAsync(
            caller, DemoDataSeeder.DemoWhatsAppNumber, string.Empty, "Sara", [new EmulatedMedia("audio/ogg", DemoRecordings.VoiceNote)]);

        Assert.Equal("completed", call.CallStatus);
        var session = await Eventually.GetAsync(
            () => grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(HubWebFixture.BrokerageA, call.CallSid)).GetAsync(),
            c => c?.State == VoiceCallState.Ended, TimeSpan.FromSeconds(30), "the call's end");
        Assert.Contains("Transcription unavailable", session!.TranscriptionProblem, StringComparison.Ordinal);
        Assert.Empty(session.Lines);
        var note = await Eventually.GetAsync(
            () => grains.GetGrain<IConversationGrain>(ConversationKeys.For(HubWebFixture.BrokerageA, caller)).GetAsync(),
            v => v?.RecentMessages.LastOrDefault()?.Media.FirstOrDefault()?.Transcript is { Status: not TranscriptStatus.Pending },
            TimeSpan.FromSeconds(30), "the voice note's transcript status");
        var transcript = note!.RecentMessages[^1].Media[0].Transcript!;
        Assert.Equal(TranscriptStatus.Unavailable, transcript.Status);
        Assert.Contains("download-model.sh", transcript.Note, StringComparison.Ordinal);
    }

    /// <summary>One hub for the class, configured with a model path where no model is.</summary>
    public sealed class NoModelHub : IAsyncLifetime
    {
        private HubWebApp? _app;

        public HubWebApp App => _app ?? throw new InvalidOperationException("The hub has not started.");

        public async Task InitializeAsync()
        {
            var settings = HubWebApp.SettingsFor(await TestPostgres.CreateDatabaseAsync("nomodel"), $"nomodel-{Guid.NewGuid():N}");
            settings["RealtyHub:Voice:ModelPath"] = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.bin");
            _app = new HubWebApp(settings);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
