using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>StandardManager</c> (contracts/src/risk/StandardManager.sol; after Derive's): margin =
/// cash + Σ collateral spot x quantity x factor + Σ perps (unsettled cash − |size| x price x rate),
/// with IM/MM rates 0.066/0.05 (docs/contracts.md, StandardManager).
/// </summary>
public sealed class StandardManagerContract : ContractBinding
{
    public StandardManagerContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    public ContractRead<BigInteger> GetMarginCall(BigInteger accountId, bool isInitial) =>
        Caller.Read("getMargin", [accountId, isInitial], ReadGas.Margin, v => v.Get<BigInteger>(0));

    /// <summary>Initial (<paramref name="isInitial"/>) or maintenance margin, 18 decimals; negative = under-margined.</summary>
    public Task<BigInteger> GetMarginAsync(BigInteger accountId, bool isInitial, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetMarginCall(accountId, isInitial), block, ct);

    /// <summary>The collateral parameters of a subId: (spot, marginFactor), both 18 decimals.</summary>
    public Task<(BigInteger Spot, BigInteger MarginFactor)> CollateralParamsAsync(BigInteger subId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(CollateralParamsCall(subId), block, ct);

    public ContractRead<(BigInteger Spot, BigInteger MarginFactor)> CollateralParamsCall(BigInteger subId) =>
        Caller.Read("collateralParams", [subId], ReadGas.Light, v => (v.Get<BigInteger>(0), v.Get<BigInteger>(1)));

    /// <summary>Owner: the maintenance and initial margin rates of a perp (18 decimals).</summary>
    public Task<SentTransaction> SetPerpMarginRatesAsync(IChainSigner signer, Address perp, BigInteger maintenanceRate, BigInteger initialRate, CancellationToken ct) =>
        Caller.SendAsync(signer, "setPerpMarginRates", [perp, maintenanceRate, initialRate], ct);

    /// <summary>Anyone: marks every perp position of the account and settles PnL and funding into cash (margin unchanged).</summary>
    public Task<SentTransaction> SettlePerpsWithIndexAsync(IChainSigner signer, BigInteger accountId, CancellationToken ct) =>
        Caller.SendAsync(signer, "settlePerpsWithIndex", [accountId], ct);

    /// <summary>Owner or oracle: the value of 1.0 unit of the collateral at <paramref name="subId"/> (18 decimals).</summary>
    public Task<SentTransaction> SetCollateralSpotAsync(IChainSigner signer, BigInteger subId, BigInteger spot, CancellationToken ct) =>
        Caller.SendAsync(signer, "setCollateralSpot", [subId, spot], ct);

    /// <summary>Owner: the share of the collateral's value that counts as margin (≤ 1e18).</summary>
    public Task<SentTransaction> SetCollateralMarginFactorAsync(IChainSigner signer, BigInteger subId, BigInteger marginFactor, CancellationToken ct) =>
        Caller.SendAsync(signer, "setCollateralMarginFactor", [subId, marginFactor], ct);
}
