using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>Accounts, their ERC-721 side, USDC and cash.</summary>
public sealed partial class ContractEventDecoderTests
{
    private static readonly Address Alice = ChainHarness.AliceAddress;
    private static readonly Address Bob = ChainHarness.BobAddress;

    [Fact]
    public void DecodeAll_CreatedAccounts_AccountCreatedAndErc721Mint()
    {
        var (a, b, manager) = (scenario.Margin.AccountA, scenario.Margin.AccountB, C.Manager.Address);

        Single(ContractKind.SubAccounts, new AccountCreated(Alice, a, manager));
        Single(ContractKind.SubAccounts, new AccountCreated(Bob, b, manager));
        Single(ContractKind.SubAccounts, new AccountTransfer(Address.Zero, Alice, a));
        Single(ContractKind.SubAccounts, new AccountTransfer(Address.Zero, Bob, b));
        Single(ContractKind.SubAccounts, new AccountApproval(Alice, Bob, a));
        Single(ContractKind.SubAccounts, new ApprovalForAll(Alice, Bob, true));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DecodeAll_CashDeposit_UsdcPulledAndBalanceAdjustedUnderTheDepositsTradeId(bool alice)
    {
        var (owner, account, usdc) = alice
            ? (Alice, scenario.Margin.AccountA, MarginScenario.AliceCashUsdc)
            : (Bob, scenario.Margin.AccountB, MarginScenario.BobCashUsdc);
        var cash = usdc * BigInteger.Pow(10, 12);

        Single(ContractKind.MockUsdc, new TokenTransfer(Address.Zero, owner, usdc));
        Single(ContractKind.MockUsdc, new TokenApproval(owner, C.Cash.Address, usdc));
        Single(ContractKind.MockUsdc, new TokenTransfer(owner, C.Cash.Address, usdc));
        var deposit = Single(ContractKind.CashAsset, new CashDeposit(account, owner, cash, usdc));
        var tradeId = await scenario.TradeIdOfAsync(deposit);
        var key = SubAccountsContract.AssetAndSubIdKey(C.Cash.Address, 0);
        Single(ContractKind.SubAccounts, new BalanceAdjusted(account, C.Manager.Address, key, cash, 0, cash, tradeId));
    }

    [Fact]
    public async Task DecodeAll_CashWithdraw_UsdcPaidAndBalanceAdjusted()
    {
        var a = scenario.Margin.AccountA;
        var burned = EventScenario.WithdrawnUsdc * BigInteger.Pow(10, 12);
        var before = Units(10_000) + Units(2_000) + scenario.FundingA; // deposit, then the settled pnl and funding

        var withdraw = Single(ContractKind.CashAsset, new CashWithdraw(a, Alice, burned, EventScenario.WithdrawnUsdc));

        Single(ContractKind.MockUsdc, new TokenTransfer(C.Cash.Address, Alice, EventScenario.WithdrawnUsdc));
        var key = SubAccountsContract.AssetAndSubIdKey(C.Cash.Address, 0);
        var tradeId = await scenario.TradeIdOfAsync(withdraw);
        Single(ContractKind.SubAccounts, new BalanceAdjusted(a, C.Manager.Address, key, -burned, before, before - burned, tradeId));
    }
}
