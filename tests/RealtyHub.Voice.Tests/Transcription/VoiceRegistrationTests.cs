using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>AddRealtyHubVoice as a host uses it: configuration binding, the singleton, the "voice" health check.</summary>
public sealed class VoiceRegistrationTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public void Settings_are_bound_from_the_RealtyHub_Voice_section()
    {
        using var provider = Build(new()
        {
            ["RealtyHub:Voice:ModelPath"] = "/models/ggml-small.bin",
            ["RealtyHub:Voice:Language"] = "ar",
            ["RealtyHub:Voice:MaxConcurrency"] = "2",
            ["RealtyHub:Voice:QueueCapacity"] = "5",
            ["RealtyHub:Voice:ThreadsPerJob"] = "3",
            ["RealtyHub:Voice:MaxTokensPerSegment"] = "64",
        });

        var options = provider.GetRequiredService<IOptions<VoiceOptions>>().Value;

        Assert.Equal(
            new VoiceOptions { ModelPath = "/models/ggml-small.bin", Language = "ar", MaxConcurrency = 2, QueueCapacity = 5, ThreadsPerJob = 3, MaxTokensPerSegment = 64 },
            options);
        Assert.Same(provider.GetRequiredService<ITranscriber>(), provider.GetRequiredService<ITranscriber>());
    }

    [Fact]
    public void Defaults_point_at_base_en_where_download_model_sh_puts_it_with_one_worker()
    {
        var options = new VoiceOptions();

        // The same rule as voice/models/download-model.sh: ${XDG_DATA_HOME:-~/.local/share}/RealtyHub/models.
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".local", "share");
        Assert.Equal(Path.Combine(dataHome, "RealtyHub", "models", "ggml-base.en.bin"), options.ResolvedModelPath);
        Assert.Equal((1, 16, (string?)null), (options.MaxConcurrency, options.QueueCapacity, options.Language));
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), options.ThreadsPerJob);
    }

    [Fact]
    public void Invalid_settings_fail_options_validation_with_each_problem_named()
    {
        using var provider = Build(new() { ["RealtyHub:Voice:MaxConcurrency"] = "0", ["RealtyHub:Voice:ThreadsPerJob"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VoiceOptions>>().Value);

        Assert.Contains("RealtyHub:Voice:MaxConcurrency must be 1..64, not 0.", error.Failures);
        Assert.Contains("RealtyHub:Voice:ThreadsPerJob must be 1..256, not -1.", error.Failures);
    }

    [Fact]
    public async Task Health_check_is_degraded_with_problem_and_fix_when_the_model_is_missing()
    {
        var missing = Path.Combine(fixture.Folder, "nowhere", "ggml-base.en.bin");
        using var provider = Build(new() { ["RealtyHub:Voice:ModelPath"] = missing });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var voice = report.Entries["voice"];
        Assert.Equal(HealthStatus.Degraded, voice.Status);
        Assert.Contains($"No Whisper model at {missing}", voice.Description, StringComparison.Ordinal);
        Assert.Contains("download-model.sh base.en", (string)voice.Data["fix"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_is_healthy_with_engine_and_model_when_both_are_there()
    {
        EngineFixture.RequireNativeLibrary();
        using var provider = Build(new() { ["RealtyHub:Voice:ModelPath"] = fixture.EnglishModel });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var voice = report.Entries["voice"];
        Assert.Equal(HealthStatus.Healthy, voice.Status);
        Assert.Equal("whisper.cpp 1.9.1 with ggml-test.en.bin (unknown)", voice.Description);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddRealtyHubVoice(configuration).BuildServiceProvider();
    }
}
