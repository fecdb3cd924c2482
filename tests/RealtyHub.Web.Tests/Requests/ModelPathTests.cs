using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtyHub.Grains;
using RealtyHub.Grains.Requests;
using RealtyHub.LlmEmulator;

namespace RealtyHub.Web.Tests.Requests;

/// <summary>
/// The hub configured with an OpenAI-compatible endpoint: requests are understood and drafted through the production
/// IChatClient path against the LLM emulator on a real port. A failing model fails the request with the reason; a retry
/// runs the failed step again.
/// </summary>
public sealed class ModelPathTests : IAsyncLifetime
{
    private const string ApiKey = "sk-hub-model-path";
    private const string Model = "realtyhub-emulator";
    private WebApplication? _model;
    private HubWebApp? _hub;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddLlmEmulator(o => o.ApiKey = ApiKey);
        _model = builder.Build();
        _model.MapLlmEmulator();
        await _model.StartAsync();

        var settings = HubWebApp.SettingsFor(await TestPostgres.CreateDatabaseAsync("modelpath"), $"model-{Guid.NewGuid():N}");
        settings["RealtyHub:Ai:Endpoint"] = new Uri(new Uri(_model.Urls.First()), "/llm-emulator/v1").ToString();
        settings["RealtyHub:Ai:Model"] = Model;
        settings["RealtyHub:Ai:ApiKey"] = ApiKey;
        settings["RealtyHub:Ai:MaxRetries"] = "1";
        settings["RealtyHub:Ai:RetryBaseDelay"] = "00:00:00.020";
        _hub = new HubWebApp(settings);
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_model_that_keeps_failing_fails_the_request_with_the_reason_and_a_retry_drafts_it_through_the_model()
    {
        var emulator = _model!.Services.GetRequiredService<LlmEmulatorService>();
        await using var agent = await HubClient.SignInAsync(_hub!.BaseAddress, HubWebFixture.AgentA, HubWebFixture.Password);
        emulator.FailNext(2, HttpStatusCode.ServiceUnavailable); // the first attempt and its one retry

        var created = await agent.Http.PostAsJsonAsync($"api/brokerages/{HubWebFixture.BrokerageA}/requests", new { text = "Write a market report for Dubai Marina 2-bed apartments" });
        var request = (await created.Content.ReadFromJsonAsync<RequestView>(TestJson.Options))!;
        var failed = await WaitForAsync(request.RequestId, RequestState.Failed);
        Assert.False(string.IsNullOrWhiteSpace(failed.Failure));
        Assert.Equal(failed.Failure, failed.Timeline[^1].Note);

        var retry = await agent.Http.PostAsync(new Uri($"api/brokerages/{HubWebFixture.BrokerageA}/requests/{request.RequestId}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        var drafted = await WaitForAsync(request.RequestId, RequestState.AwaitingExpert);
        Assert.Equal(Model, drafted.Draft!.ProducedBy);
        Assert.Contains(drafted.Timeline, e => e.State == RequestState.Drafting && e.Note!.Contains(Model, StringComparison.Ordinal));
        Assert.Equal(RequestKind.MarketReport, drafted.Kind);
        Assert.Contains(emulator.Requests, r => r.Model == Model);
    }

    private async Task<RequestView> WaitForAsync(string requestId, RequestState state) =>
        (await Eventually.GetAsync(
            () => _hub!.Services.GetRequiredService<IGrainFactory>().GetGrain<IAiRequestGrain>(GrainKeys.For(HubWebFixture.BrokerageA, requestId)).GetAsync(),
            v => v?.State == state, TimeSpan.FromSeconds(30), $"request {requestId} in {state}"))!;
}
