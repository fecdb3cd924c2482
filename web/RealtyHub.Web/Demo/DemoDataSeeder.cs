using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using Microsoft.AspNetCore.Identity;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Tenancy;

namespace RealtyHub.Web.Demo;

/// <summary>
/// Seeds the demo brokerage on first start (idempotent: users and leads that exist are left alone) and prints
/// the demo sign-ins on every start. Runs after the silo has started (registered after it).
/// </summary>
internal sealed partial class DemoDataSeeder(
    IServiceScopeFactory scopes,
    IGrainFactory grains,
    IOptions<DemoOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string Domain = "marina.demo";

    /// <summary>The demo brokerage's WhatsApp business number (the emulator's simulated clients write to it).</summary>
    public const string DemoWhatsAppNumber = "+97145550100";

    /// <summary>The first demo agent's own WhatsApp, where their delivered requests are copied.</summary>
    public const string DemoAgentWhatsApp = "+971501110100";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        await SeedAsync(demo);
        lifetime.ApplicationStarted.Register(() => PrintSignIns(demo));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(DemoOptions demo)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<BrokerageProvisioner>();
        await provisioner.EnsureRolesAsync();

        var brokerage = grains.GetGrain<IBrokerageGrain>(demo.BrokerageId);
        var profile = await brokerage.GetProfileAsync();
        if (profile is null || DemoTwilio.Templates.Any(t => !profile.Templates.Contains(t)))
        {
            // Also brings an older demo up to date with the demo templates; the profile is otherwise left as the owner set it.
            await provisioner.CreateBrokerageAsync(demo.BrokerageId, (profile ?? new BrokerageProfile(
                "Marina Realty Dubai", "Dubai", "Asia/Dubai", [DemoWhatsAppNumber], TimeSpan.FromMinutes(5))) with { Templates = [.. DemoTwilio.Templates] });
        }

        await provisioner.AddMemberAsync("platform", new NewMember($"admin@{Domain}", "Platform Admin", HubRoles.PlatformAdmin, demo.Password));
        var agentIds = new List<string>();
        foreach (var person in DemoTeam.People(Domain))
        {
            var agent = person.Role == HubRoles.Agent
                ? BrokerageProvisioner.AgentProfileFor(person.Name, person.Email, 8, person.Areas) with { Languages = [.. person.Languages] }
                : null;
            var isNew = await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByEmailAsync(person.Email) is null;
            var expert = person.Role == HubRoles.Expert
                ? BrokerageProvisioner.ExpertProfileFor(person.Name, person.Email, 3, [.. DemoTeam.SkillsOf(person.Email)])
                : null;
            var user = await provisioner.AddMemberAsync(demo.BrokerageId, new NewMember(person.Email, person.Name, person.Role, demo.Password, agent, expert));
            if (expert is not null && isNew)
            {
                // Experts start available so the first demo request is offered to someone at once.
                await grains.GetGrain<IExpertGrain>(GrainKeys.For(demo.BrokerageId, user.Id)).SetAvailabilityAsync(true);
            }

            if (agent is not null)
            {
                agentIds.Add(user.Id);
                if (isNew && agentIds.Count <= DemoTeam.OnlineAtFirstStart)
                {
                    // A few agents start online so the first simulated WhatsApp message is routed at once.
                    await grains.GetGrain<IAgentGrain>(GrainKeys.For(demo.BrokerageId, user.Id)).SetPresenceAsync(AgentPresence.Online, "demo");
                    if (agentIds.Count == 1)
                    {
                        // The first demo agent gets deliverables on WhatsApp too (the emulator receives them).
                        await grains.GetGrain<IAgentGrain>(GrainKeys.For(demo.BrokerageId, user.Id)).SetWhatsAppAsync(DemoAgentWhatsApp, deliverables: true);
                    }
                }
            }
        }

        foreach (var (leadId, details, agentIndex) in DemoTeam.Leads())
        {
            await grains.GetGrain<ILeadGrain>(GrainKeys.For(demo.BrokerageId, leadId)).CreateAsync(details, agentIds[agentIndex % agentIds.Count]);
        }

        await DemoKpiHistory.SeedAsync(scope.ServiceProvider, demo.BrokerageId, agentIds);
        await DemoKnowledge.SeedAsync(scope.ServiceProvider, demo.BrokerageId);
        LogSeeded(logger, demo.BrokerageId);
    }

    private void PrintSignIns(DemoOptions demo)
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("==================== RealtyHub demo ====================")
            .AppendLine(CultureInfo.InvariantCulture, $"Console: {url}    (password for every demo user: {demo.Password})")
            .AppendLine(CultureInfo.InvariantCulture, $"  {"admin@" + Domain,-34} PlatformAdmin");
        foreach (var person in DemoTeam.People(Domain))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {person.Email,-34} {person.Role,-15} {person.Name}");
        }

        text.AppendLine("=========================================================");
        Console.WriteLine(text.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo brokerage {BrokerageId} is seeded")]
    private static partial void LogSeeded(ILogger logger, string brokerageId);
}
