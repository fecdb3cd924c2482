using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Components.Requests;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Experts;

/// <summary>The request's context for the expert; the lead and the conversation excerpt are read once per link.</summary>
public sealed partial class RequestContextPanel
{
    private const int ExcerptLength = 6;

    private string? _loadedFor;
    private bool _loaded;
    private LeadSnapshot? _lead;
    private IReadOnlyList<ChatMessage> _excerpt = [];

    [Parameter, EditorRequired]
    public RequestsContext Context { get; set; } = default!;

    [Parameter, EditorRequired]
    public RequestView View { get; set; } = default!;

    /// <summary>The latest findings (after a save or a refused delivery); the view's when not given.</summary>
    [Parameter]
    public ImmutableArray<ComplianceFinding>? LatestFindings { get; set; }

    [Inject]
    private LeadService Leads { get; set; } = default!;

    [Inject]
    private ConversationService Conversations { get; set; } = default!;

    private ImmutableArray<ComplianceFinding> Findings => LatestFindings ?? View.Findings;

    private List<(string Name, string Value)> Facts
    {
        get
        {
            var e = View.Entities;
            var facts = new List<(string, string)>();
            Add("Property", e.Property);
            Add("Area", e.Area);
            Add("Client", e.ClientName);
            Add("Price", e.Price is { } price ? RequestFormat.Money(price) : null);
            Add("Deadline", e.Deadline?.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
            return facts;

            void Add(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    facts.Add((name, value));
                }
            }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var links = $"{View.Entities.LeadId}|{View.Entities.ConversationId}";
        if (links == _loadedFor)
        {
            return;
        }

        _loadedFor = links;
        try
        {
            _lead = View.Entities.LeadId is { } leadId ? await Leads.GetAsync(Context.User, Context.BrokerageId, leadId) : null;
            // The expert holding the request reads its linked conversation; others only where the inbox lets them.
            _excerpt = await Conversations.GetForRequestAsync(Context.User, Context.BrokerageId, View) is { } conversation
                ? [.. conversation.RecentMessages.TakeLast(ExcerptLength)]
                : [];
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            (_lead, _excerpt) = (null, []);
        }
        finally
        {
            _loaded = true;
        }
    }
}
