namespace RealtyHub.Browser.Tests;

/// <summary>One running hub shared by the tests of this collection; tests use their own users and keys.</summary>
[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubWebFixture>
{
    public const string Name = "hub";
}
