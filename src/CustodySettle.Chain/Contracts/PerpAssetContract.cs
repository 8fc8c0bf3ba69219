using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>PerpAsset</c> (contracts/src/assets/PerpAsset.sol; Derive's signatures): a perp whose positions
/// are SubAccounts balances at subId 0, marked to market, with hourly funding (docs/contracts.md, PerpAsset).
/// Prices, rates and cash are 18-decimal fixed point; funding rates are per hour (1e18 = 100 %).
/// </summary>
public sealed class PerpAssetContract : ContractBinding
{
    public PerpAssetContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>The mark price and its confidence (always 1e18 here: prices come from an oracle role).</summary>
    public Task<(BigInteger Price, BigInteger Confidence)> GetPerpPriceAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetPerpPriceCall(), block, ct);

    public ContractRead<(BigInteger Price, BigInteger Confidence)> GetPerpPriceCall() => Caller.Read("getPerpPrice", [], ReadGas.Light, PriceOf);

    /// <summary>The index (spot) price and its confidence.</summary>
    public Task<(BigInteger Price, BigInteger Confidence)> GetIndexPriceAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetIndexPriceCall(), block, ct);

    public ContractRead<(BigInteger Price, BigInteger Confidence)> GetIndexPriceCall() => Caller.Read("getIndexPrice", [], ReadGas.Light, PriceOf);

    public ContractRead<BigInteger> GetUnsettledAndUnrealizedCashCall(BigInteger accountId) =>
        Caller.Read("getUnsettledAndUnrealizedCash", [accountId], ReadGas.Unsettled, v => v.Get<BigInteger>(0));

    /// <summary>Unrealized PnL + funding not yet applied + realized PnL and funding not yet settled into cash.</summary>
    public Task<BigInteger> GetUnsettledAndUnrealizedCashAsync(BigInteger accountId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetUnsettledAndUnrealizedCashCall(accountId), block, ct);

    public Task<PerpPosition> PositionsAsync(BigInteger accountId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("positions", [accountId], ReadGas.Light, v => new PerpPosition(
            v.Get<BigInteger>(0), v.Get<BigInteger>(1), v.Get<BigInteger>(2), v.Get<BigInteger>(3))), block, ct);

    /// <summary>The current hourly funding rate: premium / convergence period + static rate, capped.</summary>
    public Task<BigInteger> GetFundingRateAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("getFundingRate", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    /// <summary>Aggregated funding per 1.0 contract as if accrued at the block's timestamp.</summary>
    public Task<BigInteger> GetAggregatedFundingAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("getAggregatedFunding", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    /// <summary>Oracle role: both prices, with one funding accrual at the old prices first.</summary>
    public Task<SentTransaction> SetPricesAsync(IChainSigner signer, BigInteger perpPrice, BigInteger indexPrice, CancellationToken ct) =>
        Caller.SendAsync(signer, "setPrices", [perpPrice, indexPrice], ct);

    public Task<SentTransaction> SetPerpPriceAsync(IChainSigner signer, BigInteger price, CancellationToken ct) =>
        Caller.SendAsync(signer, "setPerpPrice", [price], ct);

    public Task<SentTransaction> SetIndexPriceAsync(IChainSigner signer, BigInteger price, CancellationToken ct) =>
        Caller.SendAsync(signer, "setIndexPrice", [price], ct);

    /// <summary>Anyone: accrues funding up to now (event FundingRateUpdated when time has passed).</summary>
    public Task<SentTransaction> UpdateFundingRateAsync(IChainSigner signer, CancellationToken ct) =>
        Caller.SendAsync(signer, "updateFundingRate", [], ct);

    /// <summary>Owner: the hourly interest component of the funding rate (≥ 0).</summary>
    public Task<SentTransaction> SetStaticInterestRateAsync(IChainSigner signer, BigInteger ratePerHour, CancellationToken ct) =>
        Caller.SendAsync(signer, "setStaticInterestRate", [ratePerHour], ct);

    /// <summary>Owner: the hours over which the premium converges (Derive: 8).</summary>
    public Task<SentTransaction> SetConvergencePeriodAsync(IChainSigner signer, BigInteger hours, CancellationToken ct) =>
        Caller.SendAsync(signer, "setConvergencePeriod", [hours], ct);

    private static (BigInteger Price, BigInteger Confidence) PriceOf(AbiValues v) => (v.Get<BigInteger>(0), v.Get<BigInteger>(1));
}
