using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Components.Pages;

/// <summary>The brokerage's compliance rules: the table, add/edit/disable/delete for owners, and a box to test a text against them.</summary>
public sealed partial class Compliance
{
    private ClaimsPrincipal _user = new();
    private string _brokerageId = string.Empty;
    private bool _mayEdit;
    private IReadOnlyList<ComplianceRule>? _rules;
    private bool _usingDefaults;
    private RuleForm? _form;
    private string? _formProblem;
    private RequestKind _testKind = RequestKind.ListingDescription;
    private string? _testText;
    private IReadOnlyList<ComplianceFinding>? _findings;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ComplianceService Rules { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _brokerageId = _user.GetBrokerageId() ?? string.Empty;
        _mayEdit = ComplianceService.MayEdit(_user);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _rules = await Rules.ListAsync(_user, _brokerageId);
            // The defaults are never stamped; stored rules always are.
            _usingDefaults = _rules?.All(r => r.UpdatedAt == default) == true;
            _error = _rules is null ? "Your account is not part of a brokerage, so there are no rules to show." : null;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            _error = "The rules could not be loaded. Reload the page in a moment.";
        }
    }

    private void NewRule() => (_form, _formProblem) = (new RuleForm { IsNew = true, Type = ComplianceRuleTypes.ForbiddenPhrase }, null);

    private void Edit(ComplianceRule rule) => (_form, _formProblem) = (RuleForm.Of(rule), null);

    private async Task SaveAsync()
    {
        var form = _form!;
        var result = await SaveAsync(form.RuleId?.Trim() ?? string.Empty, form.ToUpdate());
        if (result is not null)
        {
            _formProblem = result;
            return;
        }

        _form = null;
    }

    private async Task ToggleAsync(ComplianceRule rule, bool enabled) =>
        _error = await SaveAsync(rule.RuleId, new ComplianceRuleUpdate(rule.RuleType, rule.Pattern, [.. rule.AppliesTo.Select(k => k.ToString())], rule.Message, enabled));

    /// <summary>Saves and reloads; the reason it failed, or <c>null</c>.</summary>
    private async Task<string?> SaveAsync(string ruleId, ComplianceRuleUpdate update)
    {
        try
        {
            var result = await Rules.SaveAsync(_user, _brokerageId, ruleId, update);
            if (result.Status != EditStatus.Done)
            {
                return result.Status == EditStatus.Invalid ? result.ProblemText : "Only the brokerage owner can change compliance rules.";
            }

            await LoadAsync();
            return null;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            return "The rule could not be saved just now. Try again in a moment.";
        }
    }

    private async Task DeleteAsync(ComplianceRule rule)
    {
        try
        {
            var status = await Rules.DeleteAsync(_user, _brokerageId, rule.RuleId);
            _error = status switch
            {
                EditStatus.Done => null,
                EditStatus.Forbidden => "Only the brokerage owner can delete compliance rules.",
                _ => $"Rule {rule.RuleId} was already deleted.",
            };
            await LoadAsync();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            _error = "The rule could not be deleted just now. Try again in a moment.";
        }
    }

    private async Task CheckAsync()
    {
        try
        {
            _findings = await Rules.CheckAsync(_user, _brokerageId, _testKind, _testText ?? string.Empty) ?? [];
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            _error = "The text could not be checked just now. Try again in a moment.";
        }
    }

    private sealed class RuleForm
    {
        public bool IsNew { get; init; }

        public string? RuleId { get; set; }

        public string Type { get; set; } = ComplianceRuleTypes.ForbiddenPhrase;

        public string? Pattern { get; set; }

        public IReadOnlyCollection<RequestKind> Kinds { get; set; } = [];

        public string? Message { get; set; }

        public bool Enabled { get; set; } = true;

        public static RuleForm Of(ComplianceRule rule) => new()
        {
            RuleId = rule.RuleId,
            Type = rule.RuleType,
            Pattern = rule.Pattern,
            Kinds = [.. rule.AppliesTo],
            Message = rule.Message,
            Enabled = rule.Enabled,
        };

        public ComplianceRuleUpdate ToUpdate() => new(Type, Pattern, [.. Kinds.Select(k => k.ToString())], Message, Enabled);
    }
}
