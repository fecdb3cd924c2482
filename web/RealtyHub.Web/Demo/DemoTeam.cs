using RealtyHub.Grains.Leads;
using RealtyHub.Grains.Requests;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Demo;

/// <summary>The people and leads of the demo brokerage, a Dubai agency. Deterministic, so every run seeds the same.</summary>
internal static class DemoTeam
{
    public sealed record Person(string Email, string Name, string Role, string[] Languages, string[] Areas);

    /// <summary>How many of the demo agents are online after the very first start.</summary>
    public const int OnlineAtFirstStart = 3;

    public static readonly string[] Areas =
        ["Dubai Marina", "Downtown Dubai", "Palm Jumeirah", "JVC", "Business Bay", "Arabian Ranches", "JLT", "Dubai Hills"];

    public static IReadOnlyList<Person> People(string domain) =>
    [
        new($"owner@{domain}", "Layla Haddad", HubRoles.BrokerageOwner, ["en", "ar"], []),
        new($"omar.supervisor@{domain}", "Omar Farouk", HubRoles.Supervisor, ["en", "ar"], []),
        new($"grace.supervisor@{domain}", "Grace Thompson", HubRoles.Supervisor, ["en"], []),
        new($"sara.agent@{domain}", "Sara Al Mansoori", HubRoles.Agent, ["en", "ar"], ["Dubai Marina", "JLT"]),
        new($"rahul.agent@{domain}", "Rahul Mehta", HubRoles.Agent, ["en", "hi"], ["Downtown Dubai", "Business Bay"]),
        new($"elena.agent@{domain}", "Elena Petrova", HubRoles.Agent, ["en", "ru"], ["Palm Jumeirah"]),
        new($"yousef.agent@{domain}", "Yousef Nasser", HubRoles.Agent, ["en", "ar"], ["Arabian Ranches", "Dubai Hills"]),
        new($"mei.agent@{domain}", "Mei Lin", HubRoles.Agent, ["en", "zh"], ["JVC", "Business Bay"]),
        new($"james.agent@{domain}", "James O'Connor", HubRoles.Agent, ["en"], ["Dubai Marina", "Palm Jumeirah"]),
        new($"nadia.expert@{domain}", "Nadia Karim", HubRoles.Expert, ["en", "ar"], []),
        new($"tom.expert@{domain}", "Tom Becker", HubRoles.Expert, ["en", "de"], []),
        new($"aisha.expert@{domain}", "Aisha Rahman", HubRoles.Expert, ["en", "ar"], []),
    ];

    /// <summary>What each demo expert takes on (by the local part of their email).</summary>
    public static IReadOnlyList<RequestKind> SkillsOf(string email) => email.Split('@')[0] switch
    {
        "nadia.expert" => [RequestKind.MarketReport, RequestKind.KnowledgeAnswer, RequestKind.DocumentCheck],
        "tom.expert" => [RequestKind.ListingDescription, RequestKind.SocialPost, RequestKind.MarketReport],
        _ => [RequestKind.FollowUpMessage, RequestKind.SocialPost, RequestKind.DocumentCheck, RequestKind.KnowledgeAnswer],
    };

    private static readonly string[] FirstNames =
        ["Ahmed", "Fatima", "John", "Priya", "Mohammed", "Olga", "Chen", "Hannah", "Khalid", "Sofia", "Arjun", "Noura", "David", "Mariam", "Lucas"];

    private static readonly string[] LastNames =
        ["Al Maktoum", "Khan", "Smith", "Sharma", "Hassan", "Ivanova", "Wang", "Schmidt", "Al Falasi", "Rossi", "Patel", "Al Suwaidi", "Brown", "Yousef", "Silva"];

    private static readonly string[] Sources = ["WhatsApp", "Property Finder", "Bayut", "Website", "Referral", "Walk-in"];

    /// <summary>30 leads (or <paramref name="count"/>) with UAE mobile numbers, spread over areas, stages and agents.</summary>
    public static IEnumerable<(string LeadId, LeadDetails Details, int AgentIndex)> Leads(int count = 30)
    {
        var random = new Random(2026);
        for (var i = 1; i <= count; i++)
        {
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var phone = $"+97150{random.Next(1_000_000, 9_999_999)}";
            var area = Areas[random.Next(Areas.Length)];
            var budget = random.Next(8, 120) * 100_000m;
            yield return ($"lead-{i:D3}", new LeadDetails(name, phone, Sources[random.Next(Sources.Length)], area, budget, $"Looking in {area}"), i % 6);
        }
    }
}
