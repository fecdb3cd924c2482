using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Board;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;
using RealtyHub.Web.Identity;
using RealtyHub.TwilioEmulator;
using RealtyHub.Web.Tenancy;
using Xunit;

namespace RealtyHub.Testing;

/// <summary>
/// A running hub on its own database with two tenants: the demo brokerage (A, seeded by demo mode) and a second
/// brokerage (B) provisioned through the same <see cref="BrokerageProvisioner"/> the product uses.
/// </summary>
public sealed class HubWebFixture : IAsyncLifetime
{
    public const string BrokerageA = "dubai-marina-realty";
    public const string BrokerageB = "palm-properties";
    public const string Password = HubWebApp.DemoPassword;

    public const string AgentA = "sara.agent@marina.demo";
    public const string SupervisorA = "omar.supervisor@marina.demo";
    public const string OwnerA = "owner@marina.demo";
    public const string ExpertA = "nadia.expert@marina.demo";
    public const string PlatformAdmin = "admin@marina.demo";

    public const string OwnerB = "owner@palm.test";
    public const string SupervisorB = "supervisor@palm.test";
    public const string AgentB = "agent@palm.test";
    public const string ExpertB = "expert@palm.test";
    public const string LeadB = "lead-b-001";
    public const string WhatsAppNumberB = "+97145550200";
    public const string ClientOfB = "+971509990001";

    /// <summary>The conversation of <see cref="ClientOfB"/> with brokerage B (local id).</summary>
    public const string ConversationB = "971509990001";

    /// <summary>A stored WhatsApp webhook of brokerage B that cannot be processed, so it is parked.</summary>
    public const string ParkedMessageB = "SM00000000000000000000000000parkedb";

    /// <summary>An AI request of brokerage B's agent, waiting for an expert.</summary>
    public const string RequestB = "tenant-b-request";

    /// <summary>An AI request of brokerage B that its expert delivered.</summary>
    public const string DeliveredRequestB = "tenant-b-delivered";

    /// <summary>A phone call of brokerage B's client, answered and ended (it is on the lead's timeline).</summary>
    public const string CallB = "CA0000000000000000000000000000cb01";

    /// <summary>An alert on brokerage B's team board, for probing acknowledgement from brokerage A.</summary>
    public const string AlertB = "tenant-b-alert";

    /// <summary>Knowledge documents of brokerage B: one to read, one for the delete probe.</summary>
    public const string KnowledgeB = "kb-b-palm-guide";
    public const string KnowledgeBToDelete = "kb-b-old-policy";

    private HubWebApp? _app;

    public HubWebApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri BaseAddress => App.BaseAddress;

    /// <summary>The user id (= agent id) of <see cref="AgentB"/>.</summary>
    public string AgentBId { get; private set; } = string.Empty;

    /// <summary>The user id (= expert id) of brokerage B's expert (unavailable, so B's request stays queued).</summary>
    public string ExpertBId { get; private set; } = string.Empty;

    /// <summary>A stored media file of brokerage B (an image its client sent).</summary>
    public string MediaBId { get; private set; } = string.Empty;

    public TwilioEmulatorService Emulator => App.Services.GetRequiredService<TwilioEmulatorService>();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync("web");
        _app = new HubWebApp(HubWebApp.SettingsFor(database, $"web-{Guid.NewGuid():N}"));
        await using var scope = App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.CreateBrokerageAsync(BrokerageB, new BrokerageProfile("Palm Properties", "Dubai", "Asia/Dubai", [WhatsAppNumberB], TimeSpan.FromMinutes(10)));
        await provisioner.AddMemberAsync(BrokerageB, new NewMember(OwnerB, "Bilal Owner", HubRoles.BrokerageOwner, Password));
        await provisioner.AddMemberAsync(BrokerageB, new NewMember(SupervisorB, "Beth Supervisor", HubRoles.Supervisor, Password));
        var agent = await provisioner.AddMemberAsync(BrokerageB, new NewMember(AgentB, "Bruno Agent", HubRoles.Agent, Password,
            BrokerageProvisioner.AgentProfileFor("Bruno Agent", AgentB, 5, "Palm Jumeirah")));
        AgentBId = agent.Id;
        var expert = await provisioner.AddMemberAsync(BrokerageB, new NewMember(ExpertB, "Bea Expert", HubRoles.Expert, Password,
            Expert: BrokerageProvisioner.ExpertProfileFor("Bea Expert", ExpertB)));
        ExpertBId = expert.Id;
        await DeliverRequestOfBAsync();
        await StoreUnreadableWebhookAsync(BrokerageB, ParkedMessageB);
        await Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(BrokerageB, RequestB))
            .SubmitAsync(new NewRequest(AgentBId, "Write a market report for Palm Jumeirah frond villas"), "Bruno Agent");
        await App.Services.GetRequiredService<IGrainFactory>().GetGrain<ILeadGrain>(GrainKeys.For(BrokerageB, LeadB))
            .CreateAsync(new LeadDetails("Beatrice Client", ClientOfB, "Website", "Palm Jumeirah", 9_000_000m, null), AgentBId);

        // A WhatsApp conversation with a photo in brokerage B, through the real webhook path.
        await Emulator.SendInboundAsync(ClientOfB, WhatsAppNumberB, "Photo of the villa I like", "Beatrice", [new EmulatedMedia("image/png", TinyPng)]);
        var view = await Eventually.GetAsync(
            () => Grains.GetGrain<IConversationGrain>(GrainKeys.For(BrokerageB, ConversationB)).GetAsync(),
            v => v?.RecentMessages.Any(m => m.Media.Any(a => a.MediaId is not null)) == true,
            TimeSpan.FromSeconds(30),
            "brokerage B's first WhatsApp message");
        MediaBId = view!.RecentMessages.SelectMany(m => m.Media).First().MediaId!;
        await Grains.GetGrain<ITeamBoardGrain>(BrokerageB).AlertRaisedAsync(
            new HubAlert(AlertB, BrokerageB, AlertKinds.LeadWaiting, "A client of brokerage B is waiting.", DateTimeOffset.UtcNow));
        var call = Grains.GetGrain<IVoiceSessionGrain>(GrainKeys.For(BrokerageB, CallB));
        await call.StartAsync(new IncomingCall(CallB, ClientOfB, WhatsAppNumberB, "Beatrice", DateTimeOffset.UtcNow));
        await call.EndAsync("The caller hung up.");
        var knowledge = App.Services.GetRequiredService<IKnowledgeBase>();
        await knowledge.AddAsync(new NewKnowledgeDocument(BrokerageB, "Palm villas guide", "Frond villas with beach access.", "palm.md", "fixture", KnowledgeB));
        await knowledge.AddAsync(new NewKnowledgeDocument(BrokerageB, "Old policy", "Superseded.", "old.md", "fixture", KnowledgeBToDelete));
    }

    /// <summary>
    /// Stores a webhook whose form lacks From and To (as a damaged row would) and processes it: it is parked, never
    /// dropped. Used by the tenant matrix and the parking tests.
    /// </summary>
    public async Task StoreUnreadableWebhookAsync(string brokerageId, string messageSid)
    {
        await using (var connection = await App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "insert into inbound_webhooks (message_sid, brokerage_id, payload, received_at) values ($1, $2, $3::jsonb, now()) on conflict do nothing";
            command.Parameters.AddWithValue(messageSid);
            command.Parameters.AddWithValue(brokerageId);
            command.Parameters.AddWithValue($"[[\"MessageSid\",\"{messageSid}\"],[\"Body\",\"Hello\"]]");
            await command.ExecuteNonQueryAsync();
        }

        await App.Services.GetRequiredService<RealtyHub.Web.Webhooks.InboundProcessor>().ProcessAsync(messageSid, CancellationToken.None);
    }

    /// <summary>Brokerage B's expert takes and delivers one request, then goes unavailable again.</summary>
    private async Task DeliverRequestOfBAsync()
    {
        var request = Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(BrokerageB, DeliveredRequestB));
        await request.SubmitAsync(new NewRequest(AgentBId, "Write a market report for Palm Jumeirah garden homes"), "Bruno Agent");
        await Eventually.GetAsync(request.GetAsync, v => v?.State == RequestState.AwaitingExpert, TimeSpan.FromSeconds(30), "B's request to wait for an expert");
        var expert = Grains.GetGrain<IExpertGrain>(GrainKeys.For(BrokerageB, ExpertBId));
        await expert.SetAvailabilityAsync(true);
        await Grains.GetGrain<IDispatchGrain>(BrokerageB).AcceptAsync(DeliveredRequestB, ExpertBId);
        await Eventually.GetAsync(request.GetAsync, v => v?.State == RequestState.InReview, TimeSpan.FromSeconds(30), "B's request in review");
        await request.DeliverAsync(ExpertBId, "# Palm Jumeirah garden homes\nMarket notes for the client.", null);
        await expert.SetAvailabilityAsync(false);
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");


    public Task<HubClient> SignInAsync(string email) => HubClient.SignInAsync(BaseAddress, email, Password);

    /// <summary>Creates a user only this test uses (for tests that change the user, like lockout).</summary>
    public async Task<string> CreateUserAsync(string brokerageId, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test";
        await using var scope = App.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        var profile = role == HubRoles.Agent ? BrokerageProvisioner.AgentProfileFor(email, email) : null;
        await provisioner.AddMemberAsync(brokerageId, new NewMember(email, email, role, Password, profile));
        return email;
    }

    public static async Task<AgentSnapshot> FindAgentAsync(HubClient client, string brokerageId, string email)
    {
        var agents = await client.Http.GetFromJsonAsync<AgentSnapshot[]>($"api/brokerages/{brokerageId}/agents", TestJson.Options);
        return agents!.Single(a => a.Profile.Email == email);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
