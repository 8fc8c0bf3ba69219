using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>
/// Decoded log values to records, keyed by the event's signature and topic count: the key tells
/// apart events that share a name (CashAsset's and CustodyCollateralAsset's Deposit) or even a
/// signature (ERC-20 Transfer has 3 topics, ERC-721 Transfer 4, EIP-20/EIP-721).
/// </summary>
internal static class EventConverters
{
    private static readonly Dictionary<(string Signature, int Topics), Func<AbiValues, ContractEvent>> Converters = new()
    {
        [("AccountCreated(address,uint256,address)", 4)] = v => new AccountCreated(A(v, 0), N(v, 1), A(v, 2)),
        [("BalanceAdjusted(uint256,address,bytes32,int256,int256,int256,uint256)", 4)] =
            v => new BalanceAdjusted(N(v, 0), A(v, 1), H(v, 2), N(v, 3), N(v, 4), N(v, 5), N(v, 6)),
        [("AssetTransferred(uint256,uint256,address,uint256,int256,bytes32,uint256)", 3)] =
            v => new AssetTransferred(N(v, 0), N(v, 1), A(v, 2), N(v, 3), N(v, 4), H(v, 5), N(v, 6)),
        [("TrustedCallerSet(address,bool)", 2)] = v => new TrustedCallerSet(A(v, 0), B(v, 1)),
        [("Transfer(address,address,uint256)", 4)] = v => new AccountTransfer(A(v, 0), A(v, 1), N(v, 2)),
        [("Approval(address,address,uint256)", 4)] = v => new AccountApproval(A(v, 0), A(v, 1), N(v, 2)),
        [("ApprovalForAll(address,address,bool)", 3)] = v => new ApprovalForAll(A(v, 0), A(v, 1), B(v, 2)),
        [("OwnershipTransferred(address,address)", 3)] = v => new OwnershipTransferred(A(v, 0), A(v, 1)),
        [("Deposit(uint256,address,uint256,uint256)", 3)] = v => new CashDeposit(N(v, 0), A(v, 1), N(v, 2), N(v, 3)),
        [("Withdraw(uint256,address,uint256,uint256)", 3)] = v => new CashWithdraw(N(v, 0), A(v, 1), N(v, 2), N(v, 3)),
        [("SettledCashUpdated(int256,int256)", 1)] = v => new SettledCashUpdated(N(v, 0), N(v, 1)),
        [("WhitelistManagerSet(address,bool)", 2)] = v => new WhitelistManagerSet(A(v, 0), B(v, 1)),
        [("Transfer(address,address,uint256)", 3)] = v => new TokenTransfer(A(v, 0), A(v, 1), N(v, 2)),
        [("Approval(address,address,uint256)", 3)] = v => new TokenApproval(A(v, 0), A(v, 1), N(v, 2)),
        [("Deposit(uint256,address,address,uint256,uint256)", 4)] = v => new CollateralDeposit(N(v, 0), A(v, 1), A(v, 2), N(v, 3), N(v, 4)),
        [("Withdraw(uint256,address,address,uint256,uint256)", 4)] = v => new CollateralWithdraw(N(v, 0), A(v, 1), A(v, 2), N(v, 3), N(v, 4)),
        [("TokenAllowed(address,bool,uint8)", 2)] = v => new TokenAllowed(A(v, 0), B(v, 1), I(v, 2)),
        [("TokenListerSet(address,bool)", 2)] = v => new TokenListerSet(A(v, 0), B(v, 1)),
        [("ConvergencePeriodUpdated(uint256)", 1)] = v => new ConvergencePeriodUpdated(N(v, 0)),
        [("FundingApplied(uint256,int256,int256,int256)", 2)] = v => new FundingApplied(N(v, 0), N(v, 1), N(v, 2), N(v, 3)),
        [("FundingRateUpdated(int256,int256,uint256)", 1)] = v => new FundingRateUpdated(N(v, 0), N(v, 1), N(v, 2)),
        [("IndexPriceUpdated(uint256)", 1)] = v => new IndexPriceUpdated(N(v, 0)),
        [("PerpPriceUpdated(uint256)", 1)] = v => new PerpPriceUpdated(N(v, 0)),
        [("OracleSet(address,bool)", 2)] = v => new OracleSet(A(v, 0), B(v, 1)),
        [("PositionSettled(uint256,int256,int256,uint256)", 2)] = v => new PositionSettled(N(v, 0), N(v, 1), N(v, 2), N(v, 3)),
        [("StaticInterestRateUpdated(int256)", 1)] = v => new StaticInterestRateUpdated(N(v, 0)),
        [("CollateralAssetSet(address)", 2)] = v => new CollateralAssetSet(A(v, 0)),
        [("CollateralMarginFactorSet(uint256,uint256)", 2)] = v => new CollateralMarginFactorSet(N(v, 0), N(v, 1)),
        [("CollateralSpotSet(uint256,uint256)", 2)] = v => new CollateralSpotSet(N(v, 0), N(v, 1)),
        [("PerpMarginRatesSet(address,uint256,uint256)", 2)] = v => new PerpMarginRatesSet(A(v, 0), N(v, 1), N(v, 2)),
        [("PerpSettled(uint256,address,int256,int256)", 2)] = v => new PerpSettled(N(v, 0), A(v, 1), N(v, 2), N(v, 3)),
        [("ExecutorSet(address,bool)", 2)] = v => new ExecutorSet(A(v, 0), B(v, 1)),
        [("Trade(uint256,uint256,uint256,address,int256,uint256,uint256,int256)", 4)] =
            v => new Trade(N(v, 0), N(v, 1), N(v, 2), A(v, 3), N(v, 4), N(v, 5), N(v, 6), N(v, 7)),
        [("AllowedDestinationSet(address,bool)", 2)] = v => new AllowedDestinationSet(A(v, 0), B(v, 1)),
        [("Burned(address,address,uint256)", 3)] = v => new Burned(A(v, 0), A(v, 1), N(v, 2)),
        [("Minted(address,address,uint256)", 3)] = v => new Minted(A(v, 0), A(v, 1), N(v, 2)),
        [("RoleAdminChanged(bytes32,bytes32,bytes32)", 4)] = v => new RoleAdminChanged(H(v, 0), H(v, 1), H(v, 2)),
        [("RoleGranted(bytes32,address,address)", 4)] = v => new RoleGranted(H(v, 0), A(v, 1), A(v, 2)),
        [("RoleRevoked(bytes32,address,address)", 4)] = v => new RoleRevoked(H(v, 0), A(v, 1), A(v, 2)),
        [("AssetRegistered(string,uint8)", 1)] = v => new AssetRegistered(v.Get<string>(0), I(v, 1)),
        [("CustodyTokenCreated(address,address,bytes32,string,string,uint8)", 4)] =
            v => new CustodyTokenCreated(A(v, 0), A(v, 1), H(v, 2), v.Get<string>(3), v.Get<string>(4), I(v, 5)),
        [("MinterSet(address)", 2)] = v => new MinterSet(A(v, 0)),
    };

    /// <summary>Whether <paramref name="abiEvent"/> has a record.</summary>
    public static bool Supports(AbiEvent abiEvent) => Converters.ContainsKey((abiEvent.Signature, abiEvent.TopicCount));

    /// <summary>The record of a decoded log; null for an event without one.</summary>
    public static ContractEvent? Convert(AbiEvent abiEvent, AbiValues values) =>
        Converters.TryGetValue((abiEvent.Signature, abiEvent.TopicCount), out var convert) ? convert(values) : null;

    private static BigInteger N(AbiValues v, int i) => v.Get<BigInteger>(i);

    private static int I(AbiValues v, int i) => (int)v.Get<BigInteger>(i);

    private static Address A(AbiValues v, int i) => v.Get<Address>(i);

    private static bool B(AbiValues v, int i) => v.Get<bool>(i);

    // bytes32, indexed or not, decodes as its 32 bytes.
    private static Hash32 H(AbiValues v, int i) => v[i] is Hash32 hash ? hash : Hash32.FromBytes(v.Get<byte[]>(i));
}
