namespace RealtyHub.Integrations.Tests.Emulator;

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Twilio emulator";
}
