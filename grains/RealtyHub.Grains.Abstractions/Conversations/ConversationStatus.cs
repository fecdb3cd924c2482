namespace RealtyHub.Grains.Conversations;

[GenerateSerializer, Alias("realtyhub.conversation-status")]
public enum ConversationStatus
{
    Open = 0,
    Resolved = 1,
}
