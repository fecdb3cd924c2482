using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RealtyHub.Grains;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Voice;
using RealtyHub.TwilioEmulator;
using RealtyHub.TwilioEmulator.Voice;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Tests.WhatsApp;

namespace RealtyHub.Web.Tests.Voice;

/// <summary>
/// Voice end to end on a real hub with the native Whisper engine and a placeholder model: a call streamed by the
/// Twilio emulator, a client's voice note, and an agent's spoken request. The engine's words are whatever untrained
/// weights give, so the tests check the path (states, lines, timing), never the words.
/// </summary>
[Collection(ClockedHubCollection.Name)]
public sealed class VoiceJourneyTests(ClockedHubFixture hub)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_streamed_call_reaches_the_supervisor_live_line_by_line_and_joins_the_lead_timeline()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var connection = await supervisor.ConnectAsync();
        var events = new ConcurrentQueue<(VoiceCallView Call, TranscriptLine? Line)>();
        connection.On<VoiceCallView, TranscriptLine?>(nameof(IConsoleClient.VoiceCallChanged), (c, l) => events.Enqueue((c, l)));
        var caller = ClockedHubFixture.NewClientPhone();

        var call = await hub.App.Services.GetRequiredService<EmulatedCallService>().PlaceCallAsync(
            new EmulatedCallRequest(caller, brokerage.WhatsAppNumber, DemoRecordings.Call) { CallerName = "Sara Khan", Pace = new CallPace(8) });

        Assert.Equal("completed", call.CallStatus);
        Assert.Equal(call.AudioFrames, call.FramesSent);
        // The last utterances are transcribed after the caller hangs up; they still arrive, and in order.
        var ended = await Eventually.GetAsync(
            () => Task.FromResult(events.ToArray()),
            e => e.Any(x => x.Call.State == VoiceCallState.Ended) && e.Count(x => x.Line is { IsFinal: true }) >= 4,
            Patience, "the call's end and its four lines over SignalR");
        Assert.Equal([VoiceCallState.Ringing, VoiceCallState.Live, VoiceCallState.Ended],
            ended.Where(e => e.Line is null).Select(e => e.Call.State).Distinct());
        // Four sentences with pauses between them: four utterances, in order, inside the call's audio.
        var lines = ended.Where(e => e.Line is { IsFinal: true }).Select(e => e.Line!).ToList();
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Sequence));
        Assert.All(lines.Zip(lines.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
        Assert.True(lines[^1].End <= TimeSpan.FromSeconds(call.CallDuration));

        var timeline = await supervisor.Http.GetFromJsonAsync<JsonElement>(
            $"api/brokerages/{brokerage.Id}/leads/wa-{caller.TrimStart('+')}/calls");
        var onTimeline = Assert.Single(timeline.EnumerateArray());
        Assert.Equal(call.CallSid, onTimeline.GetProperty("callSid").GetString());
        Assert.Equal(4, onTimeline.GetProperty("lines").GetArrayLength());
        Assert.Equal("Ended", onTimeline.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_clients_voice_note_gets_a_machine_transcript_under_it_pushed_to_the_console()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var supervisor = await hub.SignInAsync(brokerage.SupervisorEmail);
        var connection = await supervisor.ConnectAsync();
        var transcribed = new TaskCompletionSource<MediaTranscript>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<ConversationSummary, ChatMessage?>(nameof(IConsoleClient.ConversationChanged), (_, m) =>
        {
            if (m?.Media.FirstOrDefault()?.Transcript is { Status: not TranscriptStatus.Pending } t)
            {
                transcribed.TrySetResult(t);
            }
        });
        var client = ClockedHubFixture.NewClientPhone();

        var sent = await hub.Emulator.SendInboundAsync(client, brokerage.WhatsAppNumber, string.Empty, "Omar", [new EmulatedMedia("audio/ogg", DemoRecordings.VoiceNote)]);

        Assert.Equal(200, sent.WebhookStatusCode);
        var transcript = await transcribed.Task.WaitAsync(Patience);
        Assert.Equal(TranscriptStatus.Done, transcript.Status);
        var page = await supervisor.Http.GetFromJsonAsync<JsonElement>($"api/brokerages/{brokerage.Id}/conversations/{client.TrimStart('+')}/messages");
        var stored = page[0].GetProperty("message").GetProperty("media")[0].GetProperty("transcript");
        Assert.Equal("Done", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_agents_spoken_request_is_transcribed_by_the_request_and_carries_on()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");

        var response = await PostRecordingAsync(agent, brokerage.Id, DemoRecordings.VoiceNote, "audio/ogg");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        var grain = hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, requestId));
        var view = await Eventually.GetAsync(() => grain.GetAsync(), v => v?.State is not (RequestState.Received or RequestState.Transcribing), Patience, "the end of transcription");
        Assert.Contains(view!.Timeline, e => e.State == RequestState.Transcribing);
        Assert.NotNull(view.VoiceMediaId);
        // Words became the request's text, or (no words heard) the agent is asked to type it: never stuck, never failed.
        Assert.True(view.State is RequestState.NeedsInfo ? view.Question!.Contains("type your request", StringComparison.Ordinal) : view.Text.Length > 0,
            $"{view.State}: {view.Question ?? view.Text}");
    }

    [Fact]
    public async Task A_recording_that_is_not_audio_is_refused_with_its_reason()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");

        var garbage = await PostRecordingAsync(agent, brokerage.Id, [0x4F, 0x67, 0x67, 0x53, 1, 2, 3, 4, 5], "audio/ogg");
        var text = await PostRecordingAsync(agent, brokerage.Id, "hello"u8.ToArray(), "text/plain");
        var mp3 = await PostRecordingAsync(agent, brokerage.Id, [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0], "audio/mpeg");

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mp3.StatusCode);
        Assert.Contains("not supported", await mp3.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_agents_voice_note_from_their_own_whatsapp_becomes_their_request_once()
    {
        var brokerage = await hub.CreateBrokerageAsync(TimeSpan.FromHours(1), new TestAgent("ann"));
        await using var agent = await hub.SignInAsync($"ann@{brokerage.Id}.test");
        var number = ClockedHubFixture.NewClientPhone();
        var set = await agent.Http.PutAsJsonAsync($"api/brokerages/{brokerage.Id}/agents/{brokerage.AgentIds[0]}/whatsapp", new { number, deliverables = false });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await Task.Delay(Webhooks.AgentNumbers.KeepFor); // a roster read before the number was set may still be kept

        var sent = await hub.Emulator.SendInboundAsync(number, brokerage.WhatsAppNumber, string.Empty, "Ann", [new EmulatedMedia("audio/ogg", DemoRecordings.VoiceNote)], repeat: 3);

        var grain = hub.Grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerage.Id, sent.MessageSid));
        var view = await Eventually.GetAsync(() => grain.GetAsync(), v => v is not null, Patience, "the agent's request");
        Assert.Equal(brokerage.AgentIds[0], view!.AgentId);
        Assert.Equal("WhatsApp", view.Timeline[0].Note![^8..]);
        Assert.Null(await hub.Conversation(brokerage, number).GetAsync());
    }

    private static async Task<HttpResponseMessage> PostRecordingAsync(HubClient agent, string brokerageId, byte[] audio, string contentType)
    {
        using var content = new ByteArrayContent(audio);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await agent.Http.PostAsync($"api/brokerages/{brokerageId}/requests/voice", content);
    }
}
