using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>The wiring script/DeploySystem.sol does, as its logs tell it.</summary>
public sealed partial class ContractEventDecoderTests
{
    [Fact]
    public void DecodeAll_DeployLogs_OwnershipRolesAndParameters()
    {
        var deployer = ChainHarness.DeployerAddress;
        foreach (var kind in new[]
        {
            ContractKind.SubAccounts, ContractKind.CashAsset, ContractKind.MockUsdc, ContractKind.CustodyCollateralAsset,
            ContractKind.PerpAsset, ContractKind.StandardManager, ContractKind.TradeExecutor, ContractKind.CustodyTokenFactory,
        })
        {
            Single(kind, new OwnershipTransferred(Address.Zero, deployer));
        }

        foreach (var asset in new[] { ContractKind.CashAsset, ContractKind.CustodyCollateralAsset, ContractKind.PerpAsset })
        {
            Single(asset, new WhitelistManagerSet(C.Manager.Address, true));
        }

        Single(ContractKind.PerpAsset, new OracleSet(deployer, true));
        Single(ContractKind.StandardManager, new OracleSet(deployer, true));
        Single(ContractKind.PerpAsset, new PerpPriceUpdated(Units(60_000)));
        Single(ContractKind.PerpAsset, new IndexPriceUpdated(Units(60_000)));
        Single(ContractKind.PerpAsset, new StaticInterestRateUpdated(125 * System.Numerics.BigInteger.Pow(10, 11)));
        Single(ContractKind.StandardManager, new PerpMarginRatesSet(C.PerpBtc.Address, 5 * One / 100, 66 * One / 1_000));
        Single(ContractKind.StandardManager, new CollateralAssetSet(C.Collateral.Address));
        Single(ContractKind.SubAccounts, new TrustedCallerSet(C.Executor.Address, true));
        Single(ContractKind.TradeExecutor, new ExecutorSet(deployer, true));
        Single(ContractKind.CustodyCollateralAsset, new TokenListerSet(C.Factory.Address, true));
        Single(ContractKind.CustodyTokenFactory, new MinterSet(ChainHarness.MinterAddress));
        Single(ContractKind.CustodyTokenFactory, new CollateralAssetSet(C.Collateral.Address));
        Single(ContractKind.CustodyTokenFactory, new AssetRegistered("BTC", 8));
        Single(ContractKind.CustodyTokenFactory, new AssetRegistered("ETH", 18));
        Single(ContractKind.CustodyTokenFactory, new AssetRegistered("USDC", 6));
    }

    [Fact]
    public void DecodeAll_DeployLogs_ComeFromTheDeployedAddresses()
    {
        var known = C.KnownAddresses();

        Assert.All(scenario.Events.Where(e => e.Contract != ContractKind.CustodyToken), e => Assert.Equal(known[e.Log.Address], e.Contract));
        Assert.All(scenario.Events.Where(e => e.Contract == ContractKind.CustodyToken), e => Assert.Equal(scenario.Margin.Token, e.Log.Address));
    }
}
