using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace RealtyHub.Web.Components.Team;

/// <summary>A daily series as a line scaled to its own maximum; an all-zero series is a flat line at the bottom.</summary>
public sealed partial class Sparkline
{
    private const double Padding = 2;

    [Parameter, EditorRequired]
    public IReadOnlyList<double> Values { get; set; } = [];

    [Parameter]
    public int Width { get; set; } = 120;

    [Parameter]
    public int Height { get; set; } = 28;

    /// <summary>What the line shows, for screen readers and the hover title.</summary>
    [Parameter]
    public string Label { get; set; } = string.Empty;

    [Parameter]
    public string? TestId { get; set; }

    private IReadOnlyList<(double X, double Y)> Coordinates
    {
        get
        {
            var max = Values.Count == 0 ? 0 : Values.Max();
            var step = Values.Count > 1 ? (Width - (2 * Padding)) / (Values.Count - 1) : 0;
            return [.. Values.Select((v, i) => (
                Padding + (i * step),
                Height - Padding - (max > 0 ? v / max * (Height - (2 * Padding)) : 0)))];
        }
    }

    private string Points => string.Join(' ', Coordinates.Select(p => $"{Format(p.X)},{Format(p.Y)}"));

    private (double X, double Y)? Last => Coordinates.Count > 0 ? Coordinates[^1] : null;

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
