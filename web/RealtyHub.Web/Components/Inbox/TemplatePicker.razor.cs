using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Web.Components.Inbox;

/// <summary>Choose an approved template, fill each {{n}}, see exactly what the client will read.</summary>
public sealed partial class TemplatePicker
{
    private const int MaxVariables = 9;

    private readonly string?[] _values = new string?[MaxVariables];
    private WhatsAppTemplate? _template;

    /// <summary>The brokerage's templates; <c>null</c> while loading.</summary>
    [Parameter]
    public IReadOnlyList<WhatsAppTemplate>? Templates { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Sends the choice; answers whether it was queued (then the picker starts over).</summary>
    [Parameter]
    public Func<TemplateChoice, Task<bool>>? OnSend { get; set; }

    /// <summary>Back to free text; only offered while the window is open.</summary>
    [Parameter]
    public EventCallback OnCancel { get; set; }

    private int VariableCount => _template?.VariableCount ?? 0;

    private bool Complete => _template is not null && Enumerable.Range(0, VariableCount).All(i => !string.IsNullOrWhiteSpace(_values[i]));

    private ImmutableDictionary<string, string> Variables => Enumerable.Range(0, VariableCount)
        .Where(i => !string.IsNullOrWhiteSpace(_values[i]))
        .ToImmutableDictionary(i => (i + 1).ToString(CultureInfo.InvariantCulture), i => _values[i]!.Trim());

    private string Preview => _template?.Render(Variables) ?? string.Empty;

    private void Choose(WhatsAppTemplate template)
    {
        _template = template;
        Array.Clear(_values);
    }

    private async Task SendAsync()
    {
        if (_template is null || OnSend is null)
        {
            return;
        }

        if (await OnSend(new TemplateChoice(_template, Variables, Preview)))
        {
            _template = null;
            Array.Clear(_values);
        }
    }
}
