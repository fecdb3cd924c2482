using System.Collections.Immutable;

namespace RealtyHub.Grains.Brokerages;

/// <summary>
/// A brokerage's settings. WhatsApp numbers are E.164 (<c>+971...</c>); the time zone is an IANA id; the first-response
/// SLA is how long a client may wait for the assigned agent before the conversation moves on.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.brokerage-profile")]
public sealed record BrokerageProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string City,
    [property: Id(2)] string TimeZoneId,
    [property: Id(3)] ImmutableArray<string> WhatsAppNumbers,
    [property: Id(4)] TimeSpan FirstResponseSla)
{
    [Id(5)]
    private readonly ImmutableArray<WhatsAppTemplate> _templates = [];

    /// <summary>Approved WhatsApp templates (empty when none, also for profiles stored before templates existed).</summary>
    public ImmutableArray<WhatsAppTemplate> Templates
    {
        get => _templates.IsDefault ? [] : _templates;
        init => _templates = value;
    }

    [Id(6)]
    private readonly BoardThresholds? _alerts;

    /// <summary>The team board's alert thresholds (the defaults for profiles stored before thresholds existed).</summary>
    public BoardThresholds Alerts
    {
        get => _alerts ?? BoardThresholds.Default;
        init => _alerts = value;
    }

    [Id(7)]
    private readonly BrokerageBranding? _branding;

    /// <summary>Colours and logo of the brokerage's deliverables (the defaults for profiles stored before branding existed).</summary>
    public BrokerageBranding Branding
    {
        get => _branding ?? BrokerageBranding.Default;
        init => _branding = value;
    }
}
