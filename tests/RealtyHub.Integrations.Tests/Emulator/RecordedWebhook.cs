namespace RealtyHub.Integrations.Tests.Emulator;

/// <summary>One form post the hub-side receiver got, with whether its X-Twilio-Signature checked out.</summary>
public sealed record RecordedWebhook(string Path, string Url, IReadOnlyList<KeyValuePair<string, string>> Form, bool SignatureValid)
{
    public string? this[string name] => Form.FirstOrDefault(p => p.Key == name).Value;
}
