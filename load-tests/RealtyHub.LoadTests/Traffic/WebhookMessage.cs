namespace RealtyHub.LoadTests.Traffic;

/// <summary>One inbound WhatsApp message to send: which brokerage, which client, which web node.</summary>
public sealed record WebhookMessage(string MessageSid, string BrokerageId, string BusinessNumber, string ClientNumber, Uri WebNode, string Body);
