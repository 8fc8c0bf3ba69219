using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>CustodyCollateralAsset</c> (contracts/src/assets/CustodyCollateralAsset.sol; after Derive's
/// WrappedERC20Asset): custody tokens as collateral, each at subId = uint(uint160(token)), in 18 decimals.
/// </summary>
public sealed class CustodyCollateralAssetContract : ContractBinding
{
    public CustodyCollateralAssetContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>The subId a token is held under, <c>uint(uint160(token))</c>, as the contract's pure subIdOf computes it.</summary>
    public static BigInteger SubIdOf(Address token) => new(token.Bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>subIdOf on chain (equal to <see cref="SubIdOf(Address)"/>).</summary>
    public Task<BigInteger> SubIdOfAsync(Address token, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("subIdOf", [token], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    /// <summary>Whether <paramref name="token"/> takes deposits.</summary>
    public Task<bool> IsAllowedAsync(Address token, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("tokens", [token], ReadGas.Light, v => v.Get<bool>(0)), block, ct);

    /// <summary>Pulls <paramref name="amount"/> of <paramref name="token"/> (its decimals; approve first) and credits it scaled to 18 decimals.</summary>
    public Task<SentTransaction> DepositAsync(IChainSigner signer, BigInteger recipientAccount, Address token, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "deposit", [recipientAccount, token, amount], ct);

    /// <summary>Account owner only: debits the account and returns <paramref name="amount"/> of the token to <paramref name="recipient"/>.</summary>
    public Task<SentTransaction> WithdrawAsync(IChainSigner signer, BigInteger accountId, Address token, BigInteger amount, Address recipient, CancellationToken ct) =>
        Caller.SendAsync(signer, "withdraw", [accountId, token, amount, recipient], ct);

    /// <summary>Owner or a lister: accept (or stop accepting new deposits of) <paramref name="token"/>.</summary>
    public Task<SentTransaction> SetAllowedTokenAsync(IChainSigner signer, Address token, bool allowed, CancellationToken ct) =>
        Caller.SendAsync(signer, "setAllowedToken", [token, allowed], ct);
}
