namespace RealtyHub.TwilioEmulator.Scripting;

/// <summary>
/// Body of <c>POST {prefix}/emulator/inbound</c>:
/// <c>{"from": "+971501234567", "to": "+97140000000", "body": "Hi", "profileName": "Sara", "media": [{"contentType": "image/jpeg", "base64": "..."}], "repeat": 1}</c>.
/// </summary>
public sealed record InboundScriptRequest(
    string From,
    string To,
    string? Body,
    string? ProfileName,
    IReadOnlyList<InboundScriptMedia>? Media,
    int Repeat = 1);
