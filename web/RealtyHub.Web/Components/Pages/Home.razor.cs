using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

public sealed partial class Home
{
    private ClaimsPrincipal? _user;
    private BrokerageProfile? _brokerage;
    private IReadOnlyList<LeadListItem>? _leads;
    private IReadOnlyList<string> _roles = [];
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TeamService Team { get; set; } = default!;

    [Inject]
    private LeadService Leads { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _roles = [.. _user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        if (_user.GetBrokerageId() is not { } brokerageId)
        {
            return;
        }

        try
        {
            _brokerage = await Team.GetBrokerageAsync(_user, brokerageId);
            if ((await Authorization.AuthorizeAsync(_user, HubPolicies.Inbox)).Succeeded)
            {
                _leads = await Leads.ListAsync(_user, brokerageId, 30);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            _error = "The hub could not load your brokerage just now. Reload the page in a moment.";
        }
    }
}
