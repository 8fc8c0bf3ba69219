using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Reading;

/// <summary>A deployed anvil of their own for the reading tests, which run one after another (each reverts what it did).</summary>
[CollectionDefinition(Name)]
public sealed class DeployedReadingGroup : ICollectionFixture<DeployedAnvilFixture>
{
    public const string Name = "Deployed chain: reading";
}
