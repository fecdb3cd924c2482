namespace RealtyHub.Grains.Conversations;

[GenerateSerializer, Alias("realtyhub.message-direction")]
public enum MessageDirection
{
    Inbound = 0,
    Outbound = 1,
}
