namespace RealtyHub.LoadTests.Environment;

/// <summary>A provisioned load-test brokerage: its WhatsApp number and its signed-in-able members.</summary>
public sealed record BrokerageSetup(string BrokerageId, string WhatsAppNumber, IReadOnlyList<Member> Agents, IReadOnlyList<Member> Supervisors, IReadOnlyList<Member> Experts);

/// <summary>A user created through the platform API.</summary>
public sealed record Member(string UserId, string Email);
