using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Tests.WhatsApp;

/// <summary>
/// A hub of its own whose wall clock the tests move forward (24-hour window, SLA), with helpers to set up a fresh
/// brokerage per test so routing starts from a known team.
/// </summary>
public sealed class ClockedHubFixture : IAsyncLifetime
{
    private HubWebApp? _app;

    public OffsetClock Clock { get; } = new();

    public HubWebApp App => _app!;

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public TwilioEmulatorService Emulator => App.Services.GetRequiredService<TwilioEmulatorService>();

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync("clocked");
        _app = new HubWebApp(HubWebApp.SettingsFor(database, $"clocked-{Guid.NewGuid():N}"), services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A new brokerage with its own WhatsApp number, a supervisor, and the given agents (online or not).</summary>
    public async Task<TestBrokerage> CreateBrokerageAsync(TimeSpan firstResponseSla, params TestAgent[] agents)
    {
        var id = $"t{Guid.NewGuid():N}"[..20];
        var number = $"+9714{Random.Shared.Next(1_000_000, 9_999_999)}";
        await using var scope = App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(id, new BrokerageProfile(id, "Dubai", "Asia/Dubai", [number], firstResponseSla)
        {
            Templates = [new WhatsAppTemplate("HX11111111111111111111111111111111", "Follow-up", "Hello {{1}}, are you still looking in {{2}}?")],
        });
        var supervisor = $"supervisor@{id}.test";
        await provisioner.AddMemberAsync(id, new NewMember(supervisor, "Supervisor", HubRoles.Supervisor, HubWebFixture.Password));
        var ids = new List<string>();
        foreach (var agent in agents)
        {
            var email = $"{agent.Name}@{id}.test";
            var user = await provisioner.AddMemberAsync(id, new NewMember(email, agent.Name, HubRoles.Agent, HubWebFixture.Password,
                new AgentProfile(agent.Name, email, [.. agent.Languages], [.. agent.Areas], agent.Capacity)));
            if (agent.Online)
            {
                await SetPresenceAsync(id, user.Id, AgentPresence.Online);
            }

            ids.Add(user.Id);
        }

        return new TestBrokerage(id, number, supervisor, ids);
    }

    /// <summary>Adds an expert (available unless said otherwise) and returns their user id; their email is <c>{name}@{brokerage}.test</c>.</summary>
    public async Task<string> AddExpertAsync(TestBrokerage brokerage, string name, int maxClaims = 2, bool available = true, params RequestKind[] skills)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        var email = $"{name}@{brokerage.Id}.test";
        var user = await provisioner.AddMemberAsync(brokerage.Id, new NewMember(email, name, HubRoles.Expert, HubWebFixture.Password,
            Expert: BrokerageProvisioner.ExpertProfileFor(name, email, maxClaims, skills)));
        if (available)
        {
            await Grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerage.Id, user.Id)).SetAvailabilityAsync(true);
        }

        return user.Id;
    }

    public Task SetPresenceAsync(string brokerageId, string agentId, AgentPresence presence) =>
        Grains.GetGrain<IAgentGrain>(GrainKeys.For(brokerageId, agentId)).SetPresenceAsync(presence, "test");

    /// <summary>A client writes; returns the conversation once it holds the message.</summary>
    public async Task<ConversationView> ClientWritesAsync(TestBrokerage brokerage, string clientPhone, string body)
    {
        var sent = await Emulator.SendInboundAsync(clientPhone, brokerage.WhatsAppNumber, body, "Client " + clientPhone[^4..], null);
        Assert.Equal(200, sent.WebhookStatusCode);
        return (await Eventually.GetAsync(
            () => Conversation(brokerage, clientPhone).GetAsync(),
            v => v?.RecentMessages.Any(m => m.MessageId == sent.MessageSid) == true,
            TimeSpan.FromSeconds(20),
            $"message {sent.MessageSid}"))!;
    }

    public IConversationGrain Conversation(TestBrokerage brokerage, string clientPhone) =>
        Grains.GetGrain<IConversationGrain>(ConversationKeys.For(brokerage.Id, clientPhone));

    public Task<HubClient> SignInAsync(string email) => HubClient.SignInAsync(App.BaseAddress, email, HubWebFixture.Password);

    public static string NewClientPhone() => $"+97158{Random.Shared.Next(1_000_000, 9_999_999)}";
}

/// <summary>An agent to create: name, online or not, capacity, languages and areas.</summary>
public sealed record TestAgent(string Name, bool Online = true, int Capacity = 5, string[]? LanguageList = null, string[]? AreaList = null)
{
    public string[] Languages => LanguageList ?? ["en"];

    public string[] Areas => AreaList ?? [];
}

/// <summary>A brokerage made for one test.</summary>
public sealed record TestBrokerage(string Id, string WhatsAppNumber, string SupervisorEmail, IReadOnlyList<string> AgentIds);

[CollectionDefinition(Name)]
public sealed class ClockedHubCollection : ICollectionFixture<ClockedHubFixture>
{
    public const string Name = "clocked-hub";
}
