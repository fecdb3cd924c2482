namespace RealtyHub.LlmEmulator.Engine;

/// <summary>The usual rule of thumb for English text: a token is about four characters.</summary>
internal static class Tokens
{
    public static int Estimate(string text) => (text.Length + 3) / 4;
}
