using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>CashAsset</c> (contracts/src/assets/CashAsset.sol; Derive's deposit/withdraw): USDC-backed cash at
/// subId 0. Amounts here are in the stable token's units (6 decimals); balances are 18 decimals.
/// </summary>
public sealed class CashAssetContract : ContractBinding
{
    public CashAssetContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>Net cash created by perp settlement: sum(cash) == USDC held x 1e12 + this (a reconciliation identity).</summary>
    public Task<BigInteger> NetSettledCashAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("netSettledCash", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    /// <summary>Pulls <paramref name="amount"/> USDC units from the signer (approve first) and credits amount x 1e12 cash.</summary>
    public Task<SentTransaction> DepositAsync(IChainSigner signer, BigInteger recipientAccount, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "deposit", [recipientAccount, amount], ct);

    /// <summary>Account owner only: debits amount x 1e12 cash and pays <paramref name="amount"/> USDC units to <paramref name="recipient"/>.</summary>
    public Task<SentTransaction> WithdrawAsync(IChainSigner signer, BigInteger accountId, BigInteger amount, Address recipient, CancellationToken ct) =>
        Caller.SendAsync(signer, "withdraw", [accountId, amount, recipient], ct);
}
