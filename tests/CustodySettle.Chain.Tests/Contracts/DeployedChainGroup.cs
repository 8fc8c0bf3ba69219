using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// One deployed anvil shared by the binding test classes, which run one after another; each test
/// reverts the chain to where it started (evm_snapshot / evm_revert, see <see cref="ChainHarness.StartAsync"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DeployedChainGroup : ICollectionFixture<DeployedAnvilFixture>
{
    public const string Name = "Deployed chain: bindings";
}
