using MudBlazor;

namespace RealtyHub.Web.Components.Layout;

/// <summary>The console's palette: deep sea blue with sand accents.</summary>
internal static class HubTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4F6C",
            Secondary = "#C8963E",
            AppbarBackground = "#0B4F6C",
            Background = "#F6F7F9",
        },
    };
}
