using Microsoft.Extensions.Options;
using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;

namespace RealtyHub.Web.Demo;

/// <summary>
/// Keeps the demo alive: simulated clients write WhatsApp messages through the Twilio emulator (the real webhook
/// path), simulated agents answer most of them after a human-like delay and sometimes resolve them, and presence
/// changes now and then; a client sends a voice note and another calls (see <see cref="DemoVoice"/>). Some clients are
/// left waiting on purpose, so SLAs and alerts happen too. Only in demo mode
/// with the emulator; off when <c>RealtyHub:Demo:Traffic</c> is false (tests).
/// </summary>
internal sealed partial class DemoTraffic(
    IServiceProvider services,
    IGrainFactory grains,
    IConversationStore conversations,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    private static readonly string[] Openers =
    [
        "Hi, is the 2-bed in Dubai Marina still available?",
        "Hello, I saw your listing on Property Finder. Can I book a viewing this weekend?",
        "What is the service charge for the Palm Jumeirah villa?",
        "Looking for a 3-bed townhouse in Arabian Ranches, budget 4.5M.",
        "Can you send me the floor plan of the Business Bay apartment?",
        "مرحبا، هل الشقة في وسط دبي متاحة للإيجار؟",
        "Is the price negotiable for the JVC studio?",
        "Do you have anything with a sea view under 2M?",
        "I'd like to sell my apartment in JLT. Can someone call me?",
        "What are the payment plans for the Dubai Hills off-plan project?",
    ];

    private static readonly string[] Replies =
    [
        "Thanks for reaching out! Yes, it is still available. When would suit you for a viewing?",
        "Happy to help. I'll send the details over in a moment.",
        "Great question — let me check with the developer and come back to you today.",
        "Sure! Could you share your budget and preferred move-in date?",
    ];

    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var emulator = services.GetService<TwilioEmulatorService>();
        if (emulator is null)
        {
            return;
        }

        // The simulated clients post to our own webhook, which listens only once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var clients = DemoTeam.Leads(24).Select(l => (Phone: l.Details.Phone!, l.Details.Name)).ToList();
        var requests = new DemoRequests(grains, options.Value.BrokerageId, clock);
        var voice = services.GetService<EmulatedCallService>() is { } calls ? new DemoVoice(emulator, calls) : null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3), clock);
        var tick = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                tick++;
                if (_random.Next(3) == 0)
                {
                    var (phone, name) = clients[_random.Next(clients.Count)];
                    await emulator.SendInboundAsync(phone, DemoDataSeeder.DemoWhatsAppNumber, Openers[_random.Next(Openers.Length)], name, cancellationToken: stoppingToken);
                }

                await AnswerWaitingClientsAsync();
                await requests.WorkAsSimulatedExpertAsync();
                if (tick % 30 == 0)
                {
                    var roster = await grains.GetGrain<IBrokerageGrain>(options.Value.BrokerageId).GetAgentsAsync();
                    var others = roster.Where(a => a.Profile.Email != DemoRequests.LeftToPeopleEmail).ToList();
                    await requests.AskAsync([.. others.Select(a => a.AgentId)], others.ToDictionary(a => a.AgentId, a => a.Profile.DisplayName));
                }

                if (tick % 40 == 0)
                {
                    await ChangeSomeonesPresenceAsync();
                }

                // A voice note soon after start and a call a little later, then now and then, so both show in a short demo.
                if (voice is not null && tick % 100 == 3)
                {
                    await voice.SendVoiceNoteAsync(stoppingToken);
                }

                if (voice is not null && tick % 100 == 6)
                {
                    await voice.StartCallAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogTrafficFailed(logger, ex);
            }
        }
    }

    /// <summary>Each waiting client gets an answer after 20 s to 6 min (chosen per wait), except one in five who is left for the SLA.</summary>
    private async Task AnswerWaitingClientsAsync()
    {
        var brokerageId = options.Value.BrokerageId;
        var now = clock.GetUtcNow();
        foreach (var c in await conversations.ListOpenAsync(brokerageId, 200))
        {
            if (c is not { AssignedAgentId: { } agentId, AwaitingReplySince: { } since } || c.OptedOut)
            {
                continue;
            }

            var patience = (uint)HashCode.Combine(c.ConversationId, since.UtcTicks) % 100;
            if (patience < 20 || now - since < TimeSpan.FromSeconds(20 + (patience * 3.4)))
            {
                continue;
            }

            var grain = grains.GetGrain<IConversationGrain>(GrainKeys.For(brokerageId, c.ConversationId));
            await grain.ReplyAsync(new ReplyRequest(agentId, $"demo-{c.ConversationId}-{since.UtcTicks}", Replies[_random.Next(Replies.Length)]));
            if (_random.Next(3) == 0)
            {
                await grain.SetStatusAsync(ConversationStatus.Resolved, "demo");
            }
        }
    }

    /// <summary>Someone steps away or comes back, keeping at least two agents online.</summary>
    private async Task ChangeSomeonesPresenceAsync()
    {
        var roster = await grains.GetGrain<IBrokerageGrain>(options.Value.BrokerageId).GetAgentsAsync();
        if (roster.IsDefaultOrEmpty)
        {
            return;
        }

        var agent = roster[_random.Next(roster.Length)];
        var online = roster.Count(a => a.Presence == AgentPresence.Online);
        var next = agent.Presence == AgentPresence.Online
            ? online > 2 ? (_random.Next(2) == 0 ? AgentPresence.Away : AgentPresence.Busy) : AgentPresence.Online
            : AgentPresence.Online;
        if (next != agent.Presence)
        {
            await grains.GetGrain<IAgentGrain>(GrainKeys.For(agent.BrokerageId, agent.AgentId)).SetPresenceAsync(next, "demo");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic step failed")]
    private static partial void LogTrafficFailed(ILogger logger, Exception exception);
}
