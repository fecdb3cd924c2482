namespace RealtyHub.Grains.Conversations;

/// <summary>A conversation is the brokerage plus the client's number: <c>{brokerageId}/{E.164 digits}</c>.</summary>
public static class ConversationKeys
{
    public static string LocalId(string clientPhone) => clientPhone.TrimStart('+');

    public static string For(string brokerageId, string clientPhone) => GrainKeys.For(brokerageId, LocalId(clientPhone));

    public static string ClientPhone(string localId) => "+" + localId;
}
