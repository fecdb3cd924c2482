using RealtyHub.Grains;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Web.Webhooks;

/// <summary>
/// An agent's own WhatsApp message to the brokerage number is a request for work: a voice note is transcribed by the
/// request (Transcribing), text is taken as it is. The request is keyed by the MessageSid, so a retried webhook makes
/// one request, not two.
/// </summary>
internal static class AgentRequests
{
    public static async Task SubmitAsync(IGrainFactory grains, string brokerageId, AgentSnapshot agent, InboundWhatsApp message)
    {
        var voiceNote = message.Media.IsDefaultOrEmpty ? null : message.Media.FirstOrDefault(m => m.NeedsTranscript);
        var text = message.Body?.Trim() ?? string.Empty;
        if (voiceNote is null && text.Length == 0)
        {
            // A photo or a file on its own says nothing to do; there is no request to make of it.
            return;
        }

        await grains.GetGrain<IAiRequestGrain>(GrainKeys.For(brokerageId, message.MessageSid)).SubmitAsync(
            new NewRequest(agent.AgentId, voiceNote is null ? text : string.Empty, RequestPriority.Normal, null, "WhatsApp", voiceNote?.MediaId),
            agent.Profile.DisplayName);
    }
}
