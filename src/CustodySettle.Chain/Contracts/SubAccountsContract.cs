using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>SubAccounts</c> (contracts/src/SubAccounts.sol; Derive's signatures): ERC-721 margin accounts
/// holding signed 18-decimal balances per (asset, subId).
/// </summary>
public sealed class SubAccountsContract : ContractBinding
{
    public SubAccountsContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>
    /// The key BalanceAdjusted indexes: <c>bytes32(uint(uint160(asset)) &lt;&lt; 96 | subId)</c>
    /// (SubAccounts.assetAndSubIdKey). Collateral subIds are 160-bit token addresses, so bits 96..159
    /// mix asset and subId: match keys by recomputing them for known pairs, never by splitting them.
    /// </summary>
    public static Hash32 AssetAndSubIdKey(Address asset, BigInteger subId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subId);
        var word = ((new BigInteger(asset.Bytes, isUnsigned: true, isBigEndian: true) << 96) | subId) & ((BigInteger.One << 256) - 1);
        var bytes = new byte[Hash32.Size];
        word.TryWriteBytes(bytes.AsSpan(Hash32.Size - word.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return Hash32.FromBytes(bytes);
    }

    /// <summary>assetAndSubIdKey on chain (equal to <see cref="AssetAndSubIdKey(Address, BigInteger)"/>).</summary>
    public Task<Hash32> AssetAndSubIdKeyAsync(Address asset, BigInteger subId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("assetAndSubIdKey", [asset, subId], ReadGas.Light, v => Hash32.FromBytes(v.Get<byte[]>(0))), block, ct);

    public ContractRead<BigInteger> GetBalanceCall(BigInteger accountId, Address asset, BigInteger subId) =>
        Caller.Read("getBalance", [accountId, asset, subId], ReadGas.Light, v => v.Get<BigInteger>(0));

    /// <summary>The account's balance of (asset, subId): cash and perps at subId 0, collateral at the token's subId.</summary>
    public Task<BigInteger> GetBalanceAsync(BigInteger accountId, Address asset, BigInteger subId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetBalanceCall(accountId, asset, subId), block, ct);

    public ContractRead<IReadOnlyList<AssetBalance>> GetAccountBalancesCall(BigInteger accountId) =>
        Caller.Read<IReadOnlyList<AssetBalance>>("getAccountBalances", [accountId], ReadGas.Margin, v =>
            [.. v.Get<IReadOnlyList<object>>(0).Cast<IReadOnlyList<object>>()
                .Select(row => new AssetBalance((Address)row[0], (BigInteger)row[1], (BigInteger)row[2]))]);

    /// <summary>Every non-zero balance of the account, in the order first held (swap-and-pop on removal).</summary>
    public Task<IReadOnlyList<AssetBalance>> GetAccountBalancesAsync(BigInteger accountId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(GetAccountBalancesCall(accountId), block, ct);

    /// <summary>The account's manager (zero for an account that does not exist).</summary>
    public Task<Address> ManagerAsync(BigInteger accountId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("manager", [accountId], ReadGas.Light, v => v.Get<Address>(0)), block, ct);

    public ContractRead<Address> OwnerOfCall(BigInteger accountId) =>
        Caller.Read("ownerOf", [accountId], ReadGas.Light, v => v.Get<Address>(0));

    /// <summary>The account's owner; reverts with ERC721NonexistentToken for an account that does not exist.</summary>
    public Task<Address> OwnerOfAsync(BigInteger accountId, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(OwnerOfCall(accountId), block, ct);

    /// <summary>The id of the newest account (ids start at 1).</summary>
    public Task<BigInteger> LastAccountIdAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("lastAccountId", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    /// <summary>The id of the newest trade (every transfer batch, deposit and withdrawal takes one).</summary>
    public Task<BigInteger> LastTradeIdAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("lastTradeId", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    public Task<bool> TrustedCallerAsync(Address caller, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("trustedCaller", [caller], ReadGas.Light, v => v.Get<bool>(0)), block, ct);

    /// <summary>Creates an account owned by <paramref name="owner"/> under <paramref name="manager"/> (event AccountCreated).</summary>
    public Task<SentTransaction> CreateAccountAsync(IChainSigner signer, Address owner, Address manager, CancellationToken ct) =>
        Caller.SendAsync(signer, "createAccount", [owner, manager], ct);

    /// <summary>Owner only: lets <paramref name="caller"/> make consent-requiring changes on any account.</summary>
    public Task<SentTransaction> SetTrustedCallerAsync(IChainSigner signer, Address caller, bool trusted, CancellationToken ct) =>
        Caller.SendAsync(signer, "setTrustedCaller", [caller, trusted], ct);

    /// <summary>ERC-721 approve: <paramref name="operatorAddress"/> may consent for one account.</summary>
    public Task<SentTransaction> ApproveAsync(IChainSigner signer, Address operatorAddress, BigInteger accountId, CancellationToken ct) =>
        Caller.SendAsync(signer, "approve", [operatorAddress, accountId], ct);

    /// <summary>ERC-721 setApprovalForAll: <paramref name="operatorAddress"/> may consent for all the signer's accounts.</summary>
    public Task<SentTransaction> SetApprovalForAllAsync(IChainSigner signer, Address operatorAddress, bool approved, CancellationToken ct) =>
        Caller.SendAsync(signer, "setApprovalForAll", [operatorAddress, approved], ct);
}
