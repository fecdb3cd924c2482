using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtyHub.LoadTests.Reporting;

/// <summary>Writes a run's report as Markdown and JSON side by side: <c>{folder}/load-{utc stamp}.md|.json</c>.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<(string Markdown, string Json)> WriteAsync(LoadReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"load-{report.StartedAt.UtcDateTime:yyyyMMdd-HHmmss}");
        var json = stem + ".json";
        var markdown = stem + ".md";
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { report, ratios = report.Ratios().Select(r => new { r.Scenario, r.Ceiling, r.Ratio }) }, Json), cancellationToken);
        await File.WriteAllTextAsync(markdown, ToMarkdown(report), cancellationToken);
        return (markdown, json);
    }

    public static string ToMarkdown(LoadReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"# RealtyHub load test — {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine(c, $"Command: `{report.Command}`").AppendLine();
        var m = report.Machine;
        md.AppendLine(c, $"Machine: {m.Cores} cores ({m.CpuModel}), {m.RamGb:0.0} GB RAM, {m.Os}, {m.DotNet}. ");
        md.AppendLine(c, $"Hub: {report.Topology}; the load generator runs on the same machine.").AppendLine();
        md.AppendLine("| Scenario | Duration s | Ops | Throughput | p50 ms | p90 ms | p99 ms | max ms | Errors | Acked | Unprocessed at end | Lost | Duplicated |");
        md.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            var l = s.Latency;
            md.AppendLine(c, $"| {s.Name} | {s.DurationSeconds:0.0} | {s.Operations} | {s.ThroughputText ?? string.Create(c, $"{s.Throughput:0.0} {s.ThroughputUnit}")} | {l.P50Ms:0.0} | {l.P90Ms:0.0} | {l.P99Ms:0.0} | {l.MaxMs:0.0} | {s.Errors} | {s.Audit?.Acknowledged.ToString(c) ?? "–"} | {s.Audit?.Unprocessed.ToString(c) ?? "–"} | {s.Audit?.Lost.ToString(c) ?? "–"} | {s.Audit?.Duplicated.ToString(c) ?? "–"} |");
        }

        if (report.Ratios().Any())
        {
            md.AppendLine().AppendLine("## Ratios to the ceilings").AppendLine();
            md.AppendLine("The flat-out webhook rate (acked/s) divided by each ceiling measured in the same run (open-loop scenarios run at --rate, so they are not compared).").AppendLine();
            md.AppendLine("| Scenario | Ceiling | Throughput ratio |").AppendLine("|---|---|---:|");
            foreach (var (scenario, ceiling, ratio) in report.Ratios())
            {
                md.AppendLine(c, $"| {scenario} | {ceiling} | {ratio:P1} |");
            }
        }

        foreach (var s in report.Scenarios)
        {
            md.AppendLine().AppendLine(c, $"## {s.Name}").AppendLine().AppendLine(s.Measures).AppendLine();
            foreach (var (key, value) in s.Details)
            {
                md.AppendLine(c, $"- {key}: {value}");
            }

            if (s.Audit is { } a)
            {
                md.AppendLine(c, $"- database (after drain of {a.DrainTime.TotalSeconds:0.0} s): acked {a.Acknowledged}, `messages` rows {a.InMessages}, `inbound_webhooks` rows {a.InInbox}, unprocessed {a.Unprocessed}, lost {a.Lost}, duplicated {a.DuplicatedMessages} in messages + {a.DuplicatedInbox} in inbox");
            }

            if (s.Processes.Count > 0)
            {
                md.AppendLine().AppendLine("| Process | pid | peak RSS MB | last RSS MB | CPU s | avg cores |").AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var p in s.Processes)
                {
                    md.AppendLine(c, $"| {p.Name} | {p.Pid} | {p.PeakRssMb:0} | {p.LastRssMb:0} | {p.CpuSeconds:0.0} | {p.AverageCores:0.00} |");
                }
            }
        }

        return md.ToString();
    }
}
