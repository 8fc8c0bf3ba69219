using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The margin and settlement tests share one deployed chain and run one at a time: each scenario
/// snapshots the chain and reverts it on dispose, so they stay independent, and the suite deploys the
/// contracts once instead of once per class (deploys compete for the CI machine's two cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class MarginChainGroup : ICollectionFixture<DeployedAnvilFixture>
{
    public const string Name = "margin chain";
}
