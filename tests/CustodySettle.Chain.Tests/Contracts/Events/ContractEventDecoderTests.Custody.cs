using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>The custody token's life: creation, roles, mint, collateral in and out, burn, allow-lists.</summary>
public sealed partial class ContractEventDecoderTests
{
    [Fact]
    public void DecodeAll_CreateToken_FactoryWiresRolesDestinationAndListing()
    {
        var (token, factory, deployer) = (scenario.Margin.Token, C.Factory.Address, ChainHarness.DeployerAddress);
        var key = CustodyTokenFactoryContract.KeyOf(Alice, "bitgo", "BTC");

        Single(ContractKind.CustodyTokenFactory, new CustodyTokenCreated(token, Alice, key, "bitgo", "BTC", 8));
        Single(ContractKind.CustodyToken, new RoleGranted(CustodyTokenContract.DefaultAdminRole, factory, factory));
        Single(ContractKind.CustodyToken, new RoleGranted(CustodyTokenContract.MinterRole, ChainHarness.MinterAddress, factory));
        Single(ContractKind.CustodyToken, new RoleGranted(CustodyTokenContract.DefaultAdminRole, deployer, factory));
        Single(ContractKind.CustodyToken, new RoleRevoked(CustodyTokenContract.DefaultAdminRole, factory, factory));
        Single(ContractKind.CustodyToken, new AllowedDestinationSet(C.Collateral.Address, true));
        Single(ContractKind.CustodyToken, new AllowedDestinationSet(Bob, true));
        Assert.Equal(2, Count(ContractKind.CustodyCollateralAsset, new TokenAllowed(token, true, 8)));
    }

    [Fact]
    public void DecodeAll_GuardMintAndGuardBurn_MintedBurnedAndErc20Transfers()
    {
        var minter = ChainHarness.MinterAddress;

        Single(ContractKind.CustodyToken, new Minted(minter, Alice, MarginScenario.CollateralUnits));
        Single(ContractKind.CustodyToken, new TokenTransfer(Address.Zero, Alice, MarginScenario.CollateralUnits));
        Single(ContractKind.CustodyToken, new Burned(minter, Alice, EventScenario.BurnedTokenUnits));
        Single(ContractKind.CustodyToken, new TokenTransfer(Alice, Address.Zero, EventScenario.BurnedTokenUnits));
    }

    [Fact]
    public async Task DecodeAll_CollateralDepositAndWithdraw_ScaledAmountsUnderTheTokensSubIdKey()
    {
        var (a, token, collateral) = (scenario.Margin.AccountA, scenario.Margin.Token, C.Collateral.Address);
        var subId = CustodyCollateralAssetContract.SubIdOf(token);
        var key = SubAccountsContract.AssetAndSubIdKey(collateral, subId);
        var deposited18 = MarginScenario.CollateralUnits * BigInteger.Pow(10, 10);
        var withdrawn18 = EventScenario.WithdrawnTokenUnits * BigInteger.Pow(10, 10);

        Single(ContractKind.StandardManager, new CollateralSpotSet(subId, Units(60_000)));
        Single(ContractKind.StandardManager, new CollateralMarginFactorSet(subId, 8 * One / 10));
        Single(ContractKind.CustodyToken, new TokenApproval(Alice, collateral, MarginScenario.CollateralUnits));
        Single(ContractKind.CustodyToken, new TokenTransfer(Alice, collateral, MarginScenario.CollateralUnits));
        var deposit = Single(ContractKind.CustodyCollateralAsset, new CollateralDeposit(a, token, Alice, MarginScenario.CollateralUnits, deposited18));
        Single(ContractKind.SubAccounts, new BalanceAdjusted(a, C.Manager.Address, key, deposited18, 0, deposited18, await scenario.TradeIdOfAsync(deposit)));

        Single(ContractKind.CustodyToken, new TokenTransfer(collateral, Alice, EventScenario.WithdrawnTokenUnits));
        var withdraw = Single(ContractKind.CustodyCollateralAsset, new CollateralWithdraw(a, token, Alice, EventScenario.WithdrawnTokenUnits, withdrawn18));
        var tradeId = await scenario.TradeIdOfAsync(withdraw);
        Single(ContractKind.SubAccounts, new BalanceAdjusted(a, C.Manager.Address, key, -withdrawn18, deposited18, deposited18 - withdrawn18, tradeId));
    }
}
