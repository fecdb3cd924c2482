namespace RealtyHub.LlmEmulator.Wire;

/// <summary>An OpenAI error: a human message, a type (<c>invalid_request_error</c>, <c>server_error</c>, ...) and a code.</summary>
internal sealed record ErrorJson(string Message, string Type, string? Param, string? Code);
