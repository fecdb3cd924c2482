using RealtyHub.Hosting.Database;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Reporting;
using RealtyHub.LoadTests.Scenarios;
using Spectre.Console;

namespace RealtyHub.LoadTests;

/// <summary>Starts the deployment, runs the chosen scenarios under a Spectre.Console progress display, writes the report.</summary>
public static class Runner
{
    public static readonly IReadOnlyList<string> AllScenarios = ["ceilings", "webhooks", "fanout", "density", "requests", "voice", "failover"];

    public static string DefaultReportFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                return Path.Combine(dir.FullName, "load-tests", "reports");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "reports");
    }

    public static async Task<int> RunAsync(string commandLine, IReadOnlyList<string> scenarios, LoadSettings settings, HubTopology topology, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var results = new List<ScenarioResult>();
        LoadSession? session = null;
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var setup = context.AddTask("environment");
                    session = await LoadSession.StartAsync(topology, settings, s => setup.Description = $"environment: {s}", cancellationToken);
                    // The pids let a profiler attach while a scenario runs: dotnet-trace collect -p <pid> (profile-20261127.md).
                    setup.Description = "environment: ready; " + string.Join(", ", session.Environment.All.Select(p => $"{p.Name} pid {p.Pid}"));
                    setup.Value = setup.MaxValue;
                    foreach (var scenario in scenarios)
                    {
                        var task = context.AddTask(scenario, maxValue: 1);
                        results.AddRange(await RunScenarioAsync(scenario, session, settings, p => task.Value = Math.Max(task.Value, p), cancellationToken));
                        task.Value = 1;
                    }
                });
        }
        catch (PostgresNotInstalledException ex)
        {
            AnsiConsole.MarkupLine($"[red]PostgreSQL is missing:[/] {Markup.Escape(ex.Message)}");
            return 3;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled; stopping the hub.[/]");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException or DirectoryNotFoundException or HttpRequestException)
        {
            session?.Environment.KeepLogs();
            AnsiConsole.MarkupLine($"[red]Load test failed:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        var report = new LoadReport(startedAt, commandLine, MachineInfo.Describe(), settings, session!.Describe(), results);
        var (markdown, json) = await ReportWriter.WriteAsync(report, settings.OutputFolder, CancellationToken.None);
        AnsiConsole.WriteLine(ReportWriter.ToMarkdown(report));
        AnsiConsole.MarkupLine($"Report: [green]{Markup.Escape(markdown)}[/] and [green]{Markup.Escape(json)}[/]");
        return results.Any(r => r.Audit is { Lost: > 0 } or { Duplicated: > 0 }) ? 4 : 0;
    }

    public static async Task<IReadOnlyList<ScenarioResult>> RunScenarioAsync(
        string scenario, LoadSession session, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken) => scenario switch
        {
            "ceilings" => await CeilingsScenario.RunAsync(session.Environment, settings, progress, cancellationToken),
            "webhooks" => await WebhookFloodScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken),
            "density" => [await DensityScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken)],
            "requests" => [await RequestsScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken)],
            "fanout" => [await FanoutScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken)],
            "voice" => await VoiceScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken),
            "failover" => [await FailoverScenario.RunAsync(session.Environment, session.Brokerages, settings, progress, cancellationToken)],
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
        };
}
