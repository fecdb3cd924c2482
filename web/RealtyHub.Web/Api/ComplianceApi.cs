using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Services;

namespace RealtyHub.Web.Api;

/// <summary>
/// The brokerage's compliance rules: <c>GET .../compliance-rules</c> (every member), <c>PUT</c> and <c>DELETE
/// .../compliance-rules/{ruleId}</c> (owners; audited) and <c>POST .../compliance-check</c> (<c>{kind, text}</c> → the
/// findings a draft of that kind would get).
/// </summary>
public static class ComplianceApi
{
    public static RouteGroupBuilder MapComplianceApi(this RouteGroupBuilder group)
    {
        group.MapGet("/compliance-rules", ListAsync);
        group.MapPut("/compliance-rules/{ruleId}", SaveAsync).RequireAuthorization(HubPolicies.Admin);
        group.MapDelete("/compliance-rules/{ruleId}", DeleteAsync).RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/compliance-check", CheckAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ComplianceRule>>, NotFound>> ListAsync(
        string brokerageId, ClaimsPrincipal caller, ComplianceService compliance) =>
        await compliance.ListAsync(caller, brokerageId) is { } rules ? TypedResults.Ok(rules) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComplianceRule>, NotFound, ForbidHttpResult, ValidationProblem>> SaveAsync(
        string brokerageId, string ruleId, ComplianceRuleUpdate body, ClaimsPrincipal caller, ComplianceService compliance)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the rule as JSON."] });
        }

        var result = await compliance.SaveAsync(caller, brokerageId, ruleId, body);
        return result.Status switch
        {
            EditStatus.Done => TypedResults.Ok(result.Value!),
            EditStatus.Forbidden => TypedResults.Forbid(),
            EditStatus.Invalid => TypedResults.ValidationProblem(result.Problems!),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteAsync(
        string brokerageId, string ruleId, ClaimsPrincipal caller, ComplianceService compliance) =>
        await compliance.DeleteAsync(caller, brokerageId, ruleId) switch
        {
            EditStatus.Done => TypedResults.NoContent(),
            EditStatus.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<IReadOnlyList<ComplianceFinding>>, NotFound, ValidationProblem>> CheckAsync(
        string brokerageId, ComplianceCheckRequest body, ClaimsPrincipal caller, ComplianceService compliance)
    {
        // Names only: Enum.TryParse would also take "3" or "SocialPost, MarketReport".
        var kind = Enum.GetNames<RequestKind>().FirstOrDefault(n => string.Equals(n, body?.Kind?.Trim(), StringComparison.OrdinalIgnoreCase));
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (kind is null)
        {
            problems["kind"] = [$"Kind must be one of: {string.Join(", ", Enum.GetNames<RequestKind>())}."];
        }

        if (body?.Text is not { } text || text.Length > ComplianceService.MaxTextLength)
        {
            problems["text"] = [$"Send the text to check (at most {ComplianceService.MaxTextLength} characters)."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await compliance.CheckAsync(caller, brokerageId, Enum.Parse<RequestKind>(kind!), body!.Text!) is { } findings
            ? TypedResults.Ok(findings)
            : TypedResults.NotFound();
    }
}
