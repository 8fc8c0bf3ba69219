namespace CustodySettle.Chain.Contracts;

/// <summary>The contracts of contracts/src the chain layer binds (docs/contracts.md, "Contracts").</summary>
public enum ContractKind
{
    SubAccounts,
    CashAsset,
    MockUsdc,
    CustodyCollateralAsset,
    PerpAsset,
    StandardManager,
    TradeExecutor,
    CustodyToken,
    CustodyTokenFactory,
    Multicall3,
}
