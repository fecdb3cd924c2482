using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealtyHub.LlmEmulator.Wire;

namespace RealtyHub.LlmEmulator.Engine;

/// <summary>
/// <c>POST v1/chat/completions</c>: logs the request, applies the test hooks (delay, then failure), and answers
/// deterministically: the understanding JSON when a JSON object was asked for, otherwise a draft.
/// </summary>
internal static partial class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(HttpContext context, LlmEmulatorService emulator, IOptions<LlmEmulatorOptions> options)
    {
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.BadRequest($"The body is not valid JSON: {ex.Message}").ExecuteAsync(context);
            return;
        }

        var (request, includeUsage, error) = ChatRequestReader.Read(body);
        if (request is null)
        {
            await OpenAiErrors.BadRequest(error!).ExecuteAsync(context);
            return;
        }

        var plan = emulator.Receive(request);
        if (plan.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(plan.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;   // the caller timed out and left: nobody to answer
            }
        }

        if (plan.Failure is { } status)
        {
            await OpenAiErrors.Injected(status).ExecuteAsync(context);
            return;
        }

        if (options.Value.Models.Count > 0 && !options.Value.Models.Contains(request.Model))
        {
            await OpenAiErrors.ModelNotFound(request.Model).ExecuteAsync(context);
            return;
        }

        var content = emulator.TakeAnswer() ?? (request.WantsJson ? EmulatedUnderstanding.Answer(request) : EmulatedDraft.Write(request));
        var usage = new UsageJson(request.Messages.Sum(m => Tokens.Estimate(m.Content)), Tokens.Estimate(content));
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var id = $"chatcmpl-emu{Guid.NewGuid():N}";
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        if (request.Stream)
        {
            await StreamAsync(context, new ChunkJson(id, created, request.Model, []), content, includeUsage ? usage : null);
            return;
        }

        var completion = new ChatCompletionJson(id, created, request.Model, [new ChoiceJson(0, new MessageJson("assistant", content), "stop")], usage);
        await Results.Json(completion, OpenAiJson.Options).ExecuteAsync(context);
    }

    /// <summary>Server-sent events as OpenAI sends them: the role, the text a few words at a time, the finish, usage, [DONE].</summary>
    private static async Task StreamAsync(HttpContext context, ChunkJson template, string content, UsageJson? usage)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await SendAsync(context, template with { Choices = [new ChunkChoiceJson(0, new MessageJson("assistant", string.Empty))] });
        var words = WordWithSpace().Matches(content).Select(m => m.Value).ToList();
        for (var i = 0; i < words.Count; i += 3)
        {
            await SendAsync(context, template with { Choices = [new ChunkChoiceJson(0, new MessageJson(null, string.Concat(words.Skip(i).Take(3))))] });
        }

        await SendAsync(context, template with { Choices = [new ChunkChoiceJson(0, new MessageJson(null, null), "stop")] });
        if (usage is not null)
        {
            await SendAsync(context, template with { Usage = usage });
        }

        await response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task SendAsync(HttpContext context, ChunkJson chunk)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, OpenAiJson.Options)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordWithSpace();
}
