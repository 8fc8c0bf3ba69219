using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// A <c>CustodyToken</c> (contracts/src/custody/CustodyToken.sol; Strands' model): an ERC-20 mirroring
/// one holder's balance at one custodian. Only MINTER_ROLE mints or burns, and only against the supply it
/// read: a stale estimatedSupply reverts with <see cref="Errors.SupplyMismatch"/>.
/// </summary>
public sealed class CustodyTokenContract : ContractBinding
{
    /// <summary>keccak256("MINTER_ROLE"), the constant the contract declares.</summary>
    public static readonly Hash32 MinterRole = Hash32.FromBytes(Keccak256.HashUtf8("MINTER_ROLE"));

    /// <summary>AccessControl's DEFAULT_ADMIN_ROLE, bytes32(0).</summary>
    public static readonly Hash32 DefaultAdminRole = Hash32.Zero;

    public CustodyTokenContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    public ContractRead<BigInteger> BalanceOfCall(Address account) =>
        Caller.Read("balanceOf", [account], ReadGas.Light, v => v.Get<BigInteger>(0));

    public Task<BigInteger> BalanceOfAsync(Address account, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(BalanceOfCall(account), block, ct);

    public ContractRead<BigInteger> TotalSupplyCall() => Caller.Read("totalSupply", [], ReadGas.Light, v => v.Get<BigInteger>(0));

    /// <summary>The supply guardMint/guardBurn compare their estimatedSupply with.</summary>
    public Task<BigInteger> TotalSupplyAsync(BlockTag? block, CancellationToken ct) => Caller.ReadAsync(TotalSupplyCall(), block, ct);

    public Task<int> DecimalsAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("decimals", [], ReadGas.Light, v => (int)v.Get<BigInteger>(0)), block, ct);

    /// <summary>The wallet whose custodial balance the token mirrors.</summary>
    public Task<Address> HolderAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("holder", [], ReadGas.Light, v => v.Get<Address>(0)), block, ct);

    public Task<string> CustodianIdAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("custodianId", [], ReadGas.Light, v => v.Get<string>(0)), block, ct);

    public Task<string> UnderlyingAssetAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("underlyingAsset", [], ReadGas.Light, v => v.Get<string>(0)), block, ct);

    /// <summary>MINTER_ROLE as the contract reports it (equal to <see cref="MinterRole"/>).</summary>
    public Task<Hash32> MinterRoleAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("MINTER_ROLE", [], ReadGas.Light, v => Hash32.FromBytes(v.Get<byte[]>(0))), block, ct);

    public Task<bool> HasRoleAsync(Hash32 role, Address account, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("hasRole", [role, account], ReadGas.Light, v => v.Get<bool>(0)), block, ct);

    public Task<bool> AllowedDestinationAsync(Address destination, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("allowedDestination", [destination], ReadGas.Light, v => v.Get<bool>(0)), block, ct);

    /// <summary>MINTER_ROLE: mints <paramref name="amount"/> to <paramref name="to"/> if totalSupply() is still <paramref name="estimatedSupply"/>.</summary>
    public Task<SentTransaction> GuardMintAsync(IChainSigner signer, Address to, BigInteger amount, BigInteger estimatedSupply, CancellationToken ct) =>
        Caller.SendAsync(signer, "guardMint", [to, amount, estimatedSupply], ct);

    /// <summary>MINTER_ROLE: burns from <paramref name="from"/> (the holder's wallet, never an escrow) if the supply is still <paramref name="estimatedSupply"/>.</summary>
    public Task<SentTransaction> GuardBurnAsync(IChainSigner signer, Address from, BigInteger amount, BigInteger estimatedSupply, CancellationToken ct) =>
        Caller.SendAsync(signer, "guardBurn", [from, amount, estimatedSupply], ct);

    /// <summary>DEFAULT_ADMIN_ROLE: allow-lists (or removes) a transfer destination.</summary>
    public Task<SentTransaction> SetAllowedDestinationAsync(IChainSigner signer, Address destination, bool allowed, CancellationToken ct) =>
        Caller.SendAsync(signer, "setAllowedDestination", [destination, allowed], ct);

    /// <summary>ERC-20 approve, e.g. the holder letting the collateral asset pull the token on deposit.</summary>
    public Task<SentTransaction> ApproveAsync(IChainSigner signer, Address spender, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "approve", [spender, amount], ct);
}
