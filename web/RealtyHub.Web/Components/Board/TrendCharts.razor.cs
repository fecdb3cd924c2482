using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtyHub.Grains.Board;

namespace RealtyHub.Web.Components.Board;

/// <summary>
/// Two charts over the 60 minutes up to now. The series are rebuilt only when a new snapshot arrives or the minute
/// turns, and only then does this component render: the page's one-second tick must not redraw the charts.
/// </summary>
public sealed partial class TrendCharts
{
    private const int Minutes = 60;

    private readonly BarChartOptions _barOptions = new()
    {
        ShowLegend = true,
        YAxisTicks = 1,
        MaxNumYAxisTicks = 6,
        YAxisFormat = "0",
        ChartPalette = ["#1b7fa3", "#c8963e"],
    };

    private readonly LineChartOptions _lineOptions = new()
    {
        ShowLegend = false,
        ShowDataMarkers = true,
        ConnectNullPoints = false,
        YAxisRequireZeroPoint = true,
        YAxisFormat = "0.#",
        ChartPalette = ["#6a3d9a"],
    };

    private Trend _trend = Trend.Empty;
    private (long Version, long Minute) _drawn = (-1, -1);
    private bool _changed = true;

    [Parameter, EditorRequired]
    public BoardContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public BoardSnapshot Board { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    private string InboundCaption =>
        $"{Plural(_trend.InboundTotal, "message")}, {Plural(_trend.ResponsesTotal, "first answer")} in the last hour";

    private string ResponseCaption => _trend.ResponsePoints == 0
        ? "in the last hour"
        : $"in {_trend.ResponseUnit} · hour p50 {BoardFormat.Duration(Board.Queue.LastHour.P50)}, p90 {BoardFormat.Duration(Board.Queue.LastHour.P90)}";

    protected override void OnParametersSet()
    {
        var key = (Board.Version, MinuteOf(Now));
        if (key != _drawn)
        {
            _trend = Trend.From(Board.LastHour, key.Item2, Context);
            _drawn = key;
            _changed = true;
        }
    }

    protected override bool ShouldRender()
    {
        var render = _changed;
        _changed = false;
        return render;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static long MinuteOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    /// <summary>The chart data for the 60 minutes ending with <c>lastMinute</c>; minutes the board has no bucket for are 0 (or no point).</summary>
    private sealed record Trend(
        string[] Labels,
        List<ChartSeries<double>> Volume,
        List<ChartSeries<double>> Response,
        int InboundTotal,
        int ResponsesTotal,
        int InboundNow,
        int ResponsePoints,
        string ResponseUnit)
    {
        public static readonly Trend Empty = new([], [], [], 0, 0, 0, 0, "seconds");

        public static Trend From(IReadOnlyList<MinuteBucket> buckets, long lastMinute, BoardContext context)
        {
            var byMinute = new Dictionary<long, MinuteBucket>();
            foreach (var bucket in buckets ?? [])
            {
                byMinute[MinuteOf(bucket.Minute)] = bucket;
            }

            var labels = new string[Minutes];
            var inbound = new double[Minutes];
            var answers = new double[Minutes];
            var median = new double?[Minutes];
            for (var i = 0; i < Minutes; i++)
            {
                var minute = lastMinute - (Minutes - 1) + i;
                var at = new DateTimeOffset(minute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
                // A label every 10 minutes, and on the current minute unless one sits right before it; 60 would overlap.
                var local = context.Local(at);
                labels[i] = local.Minute % 10 == 0 || (i == Minutes - 1 && local.Minute % 10 >= 4)
                    ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
                    : string.Empty;
                if (byMinute.TryGetValue(minute, out var bucket))
                {
                    inbound[i] = bucket.Inbound;
                    answers[i] = bucket.Responses;
                    median[i] = bucket.MedianResponse?.TotalSeconds;
                }
            }

            // Seconds read better while answers come quickly; minutes once a median passes two minutes.
            var inMinutes = median.Any(m => m >= 120);
            if (inMinutes)
            {
                median = [.. median.Select(m => m / 60)];
            }

            var unit = inMinutes ? "minutes" : "seconds";
            return new Trend(
                labels,
                [new ChartSeries<double> { Name = "Inbound", Data = inbound }, new ChartSeries<double> { Name = "First answers", Data = answers }],
                [new ChartSeries<double> { Name = $"Median first response ({unit})", Data = median }],
                (int)inbound.Sum(),
                (int)answers.Sum(),
                (int)inbound[^1],
                median.Count(m => m is not null),
                unit);
        }
    }
}
