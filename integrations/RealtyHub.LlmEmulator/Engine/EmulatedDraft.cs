using System.Text;
using System.Text.RegularExpressions;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>
/// Stands in for a model asked to write: says plainly that it is the emulator, quotes the first lines of the last
/// user message, and cites [n] for every numbered snippet (<c>[1] ...</c> at a line start) the prompt carried.
/// </summary>
internal static partial class EmulatedDraft
{
    private const int QuotedLines = 3;

    public static string Write(EmulatedChatRequest request)
    {
        var draft = new StringBuilder()
            .AppendLine("*Draft written by the RealtyHub LLM emulator, a deterministic stand-in for a model.*")
            .AppendLine()
            .AppendLine("The request begins:")
            .AppendLine();
        foreach (var line in request.LastUserText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(QuotedLines))
        {
            draft.Append("> ").AppendLine(line);
        }

        var cited = request.Messages
            .SelectMany(m => Snippet().Matches(m.Content))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        if (cited.Count > 0)
        {
            draft.AppendLine().Append("The brokerage's documents were used: ").AppendJoin(", ", cited.Select(n => $"[{n}]")).AppendLine(".");
        }

        return draft.AppendLine().Append("[to complete: the expert writes the final text]").ToString();
    }

    [GeneratedRegex(@"^\[(\d+)\]", RegexOptions.Multiline)]
    private static partial Regex Snippet();
}
