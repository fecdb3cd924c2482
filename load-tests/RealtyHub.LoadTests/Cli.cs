using System.CommandLine;
using RealtyHub.LoadTests.Scenarios;

namespace RealtyHub.LoadTests;

/// <summary>The commands: <c>all</c> and one per scenario, sharing the same options.</summary>
public static class Cli
{
    public static IEnumerable<Command> Commands()
    {
        yield return Make("all", "Ceilings, webhook flood, fan-out, connection density, requests, voice, then the failover drill, on 2 web + 3 silo processes; one report.", Runner.AllScenarios, webs: 2, silos: 3);
        yield return Make("ceilings", "Trivial Kestrel endpoint request rate and PostgreSQL single-row insert rate on this machine.", ["ceilings"], webs: 1, silos: 0);
        yield return Make("webhooks", "Signed Twilio webhook flood at --rate, then flat out with --concurrency senders; verified in the database.", ["webhooks"], webs: 1, silos: 0);
        yield return Make("fanout", "--connections agents/supervisors over SignalR; webhook send → agent receives latency.", ["fanout"], webs: 1, silos: 0);
        yield return Make("density", "Ramp console connections on one web node up to --max-connections while boards update (--rate webhooks/s); RSS and CPU per step.", ["density"], webs: 1, silos: 0);
        yield return Make("requests", "AI requests at --rate/10 per second; simulated experts accept offers over SignalR; request → offer latency.", ["requests"], webs: 1, silos: 0);
        yield return Make("voice", "Whisper real-time factor per model shape (placeholder weights), then --calls concurrent Twilio-style calls replaying the demo call: audio frame → supervisor's final transcript line latency.", ["voice"], webs: 1, silos: 0);
        yield return Make("failover", "Webhooks over 2 web nodes, SIGKILL one of 3 headless silos halfway; lost/duplicated from the database, recovery time.", ["failover"], webs: 2, silos: 3);
    }

    private static Command Make(string name, string description, IReadOnlyList<string> scenarios, int webs, int silos)
    {
        var rate = new Option<double>("--rate") { Description = "Target webhooks per second (open loop).", DefaultValueFactory = _ => 50 };
        var duration = new Option<int>("--duration") { Description = "Seconds per scenario (phase).", DefaultValueFactory = _ => 30 };
        var connections = new Option<int>("--connections") { Description = "SignalR console connections (fan-out).", DefaultValueFactory = _ => 40 };
        var maxConnections = new Option<int>("--max-connections") { Description = "Connection target of the density ramp (one web node).", DefaultValueFactory = _ => 2000 };
        var brokerages = new Option<int>("--brokerages") { Description = "Brokerages to provision.", DefaultValueFactory = _ => 10 };
        var clients = new Option<int>("--clients") { Description = "Distinct client phone numbers (Zipf-like choice).", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the key distribution.", DefaultValueFactory = _ => 42 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent senders in the flat-out (max) phases and ceilings.", DefaultValueFactory = _ => 64 };
        var webNodes = new Option<int>("--webs") { Description = "Web processes to start.", DefaultValueFactory = _ => webs };
        var siloNodes = new Option<int>("--silos") { Description = "Headless silo processes to start.", DefaultValueFactory = _ => silos };
        var calls = new Option<int>("--calls") { Description = "Concurrent live calls in the voice scenario, each replaying the demo call back to back for --duration.", DefaultValueFactory = _ => 2 };
        var rtfRuns = new Option<int>("--rtf-runs") { Description = "Real-time-factor runs per model shape in the voice scenario; the first is a warm-up and not counted.", DefaultValueFactory = _ => 4 };
        var output = new Option<string>("--out") { Description = "Report folder.", DefaultValueFactory = _ => Runner.DefaultReportFolder() };
        var command = new Command(name, description) { rate, duration, connections, maxConnections, brokerages, clients, seed, concurrency, webNodes, siloNodes, calls, rtfRuns, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LoadSettings(parse.GetValue(rate), TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(connections),
                parse.GetValue(brokerages), parse.GetValue(clients), parse.GetValue(seed), parse.GetValue(concurrency), parse.GetValue(output)!, parse.GetValue(maxConnections),
                parse.GetValue(calls), parse.GetValue(rtfRuns));
            var problems = settings.Problems(parse.GetValue(webNodes), parse.GetValue(siloNodes), scenarios);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }

                return 2;
            }

            return await Runner.RunAsync(string.Join(' ', ["load-tests", .. parse.Tokens.Select(t => t.Value)]), scenarios, settings,
                new(parse.GetValue(webNodes), parse.GetValue(siloNodes), scenarios.Contains("voice")), cancellationToken);
        });
        return command;
    }
}
