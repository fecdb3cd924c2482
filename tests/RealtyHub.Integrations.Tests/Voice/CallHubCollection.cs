namespace RealtyHub.Integrations.Tests.Voice;

[CollectionDefinition(Name)]
public sealed class CallHubCollection : ICollectionFixture<CallHubFixture>
{
    public const string Name = "Emulated calls";
}
