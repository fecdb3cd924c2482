using RealtyHub.Grains;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Web.Demo;

/// <summary>
/// The AI-request side of the demo traffic: now and then a demo agent (not Sara, whom people sign in as) asks
/// for something, and one simulated expert (Tom) takes offers made to him and delivers after a while, so the board's
/// request figures move. Nadia and Aisha are left for people to work the queue as experts.
/// </summary>
internal sealed class DemoRequests(IGrainFactory grains, string brokerageId, TimeProvider clock)
{
    public const string SimulatedExpertEmail = "tom.expert@" + DemoDataSeeder.Domain;

    /// <summary>The agent the README suggests signing in as: the simulation never asks in her name.</summary>
    public const string LeftToPeopleEmail = "sara.agent@" + DemoDataSeeder.Domain;

    private static readonly TimeSpan AcceptAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DeliverAfter = TimeSpan.FromSeconds(45);

    private static readonly string[] Asks =
    [
        "Prepare a CMA for the Dubai Marina 2-bed at Marina Gate",
        "Write a listing description for the Palm Jumeirah villa, RERA permit 7123456789",
        "Draft an Instagram post about this weekend's open house in JVC",
        "Write a market report for Business Bay studios",
        "What is our policy on holding deposits?",
        "Write a listing description for the Downtown Dubai 1-bed with Burj views",
    ];

    private readonly Random _random = new();

    public async Task AskAsync(IReadOnlyList<string> agentIds, IReadOnlyDictionary<string, string> names)
    {
        if (agentIds.Count == 0)
        {
            return;
        }

        var agentId = agentIds[_random.Next(agentIds.Count)];
        var requestId = $"demo-{Guid.NewGuid():N}"[..21];
        await grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerageId, requestId))
            .SubmitAsync(new NewRequest(agentId, Asks[_random.Next(Asks.Length)]), names.GetValueOrDefault(agentId, "Agent"));
    }

    /// <summary>Tom accepts his offers after a few seconds and delivers what he holds after a while.</summary>
    public async Task WorkAsSimulatedExpertAsync()
    {
        var dispatch = grains.GetGrain<IDispatchGrain>(brokerageId);
        var snapshot = await dispatch.GetAsync();
        if (snapshot.Experts.FirstOrDefault(e => e.Profile.Email == SimulatedExpertEmail) is not { } tom)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (!tom.Available)
        {
            await grains.GetGrain<IExpertGrain>(GrainKeys.For(brokerageId, tom.ExpertId)).SetAvailabilityAsync(true);
        }

        foreach (var offer in snapshot.Offers.Where(o => o.ExpertId == tom.ExpertId && now - o.OfferedAt >= AcceptAfter))
        {
            await dispatch.AcceptAsync(offer.RequestId, tom.ExpertId);
        }

        foreach (var claim in snapshot.Claims.Where(c => c.ExpertId == tom.ExpertId && now - c.ClaimedAt >= DeliverAfter))
        {
            var request = grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerageId, claim.RequestId));
            if (await request.GetAsync() is { State: RequestState.InReview, Draft: { } draft })
            {
                await request.DeliverAsync(tom.ExpertId, draft.Markdown + "\n\n_Reviewed by Tom Becker (simulated demo expert)._",
                    "Demo: a simulated expert delivers the draft as it stands.");
            }
        }
    }
}
