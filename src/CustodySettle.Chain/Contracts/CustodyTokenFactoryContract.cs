using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>CustodyTokenFactory</c> (contracts/src/custody/CustodyTokenFactory.sol): CREATE2 (EIP-1014)
/// deployment of one custody token per (holder, custodian, asset), salt = keyOf(...).
/// </summary>
public sealed class CustodyTokenFactoryContract : ContractBinding
{
    private static readonly AbiType[] KeyTypes = [AbiType.Parse("address"), AbiType.Parse("string"), AbiType.Parse("string")];

    public CustodyTokenFactoryContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>The CREATE2 salt <c>keccak256(abi.encode(holder, custodianId, asset))</c>, as the contract's pure keyOf computes it.</summary>
    public static Hash32 KeyOf(Address holder, string custodianId, string asset) =>
        Hash32.FromBytes(Keccak256.Hash(AbiCodec.Encode(KeyTypes, [holder, custodianId, asset])));

    /// <summary>keyOf on chain (equal to <see cref="KeyOf(Address, string, string)"/>).</summary>
    public Task<Hash32> KeyOfAsync(Address holder, string custodianId, string asset, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("keyOf", [holder, custodianId, asset], ReadGas.Light, v => Hash32.FromBytes(v.Get<byte[]>(0))), block, ct);

    /// <summary>The address the token has or will have; reverts with CTF_UnknownAsset for an unregistered asset.</summary>
    public Task<Address> TokenForAsync(Address holder, string custodianId, string asset, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(TokenForCall(holder, custodianId, asset), block, ct);

    /// <summary><see cref="TokenForAsync"/> as a read for the batched reader.</summary>
    public ContractRead<Address> TokenForCall(Address holder, string custodianId, string asset) =>
        Caller.Read("tokenFor", [holder, custodianId, asset], ReadGas.Margin, v => v.Get<Address>(0));

    /// <summary>Whether the factory deployed <paramref name="token"/> (false for an address it only would deploy to).</summary>
    public ContractRead<bool> IsCustodyTokenCall(Address token) => Caller.Read("isCustodyToken", [token], ReadGas.Light, v => v.Get<bool>(0));

    public Task<BigInteger> TokenCountAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("tokenCount", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    public Task<bool> IsCustodyTokenAsync(Address token, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(IsCustodyTokenCall(token), block, ct);

    /// <summary>Anyone: deploys the token for the key (event CustodyTokenCreated), or does nothing if it exists.</summary>
    public Task<SentTransaction> CreateTokenAsync(IChainSigner signer, Address holder, string custodianId, string asset, CancellationToken ct) =>
        Caller.SendAsync(signer, "createToken", [holder, custodianId, asset], ct);
}
