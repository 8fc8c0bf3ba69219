using System.Collections.Immutable;
using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Transactions;

/// <summary>
/// An unsigned EIP-1559 (type 2) transaction. Signed over
/// keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])),
/// and sent as 0x02 ‖ rlp([..., yParity, r, s]).
/// </summary>
public sealed record Eip1559Transaction
{
    public required ulong ChainId { get; init; }

    public ulong Nonce { get; init; }

    /// <summary>The tip per gas to the block producer, in wei.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>The most the sender pays per gas (base fee plus tip), in wei.</summary>
    public BigInteger MaxFeePerGas { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null to create a contract with <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    /// <summary>The wei sent.</summary>
    public BigInteger Value { get; init; }

    /// <summary>The call data, or the init code of a contract creation.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    public ImmutableArray<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>The bytes whose keccak256 is signed: 0x02 ‖ rlp(fields).</summary>
    public byte[] GetSigningPayload() => [(byte)TransactionType.Eip1559, .. RlpEncoder.EncodeList(EncodeFields())];

    public Hash32 GetSigningHash() => Hash32.FromBytes(Keccak256.Hash(GetSigningPayload()));

    /// <summary>Signs with <paramref name="key"/>; the result carries the raw bytes for eth_sendRawTransaction.</summary>
    public SignedTransaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (MaxPriorityFeePerGas > MaxFeePerGas)
        {
            throw new InvalidOperationException("MaxPriorityFeePerGas exceeds MaxFeePerGas; nodes reject such a transaction.");
        }

        var signature = key.Sign(GetSigningHash());
        return new SignedTransaction(Encode(signature), signature, key.Address, this, null);
    }

    internal byte[] Encode(EcdsaSignature signature) =>
        [(byte)TransactionType.Eip1559, .. RlpEncoder.EncodeList([.. EncodeFields(), .. TransactionFields.Signature(signature.YParity, signature)])];

    internal static Eip1559Transaction FromFields(IReadOnlyList<RlpItem> fields) => new()
    {
        ChainId = fields[0].AsUInt64("chainId"),
        Nonce = fields[1].AsUInt64("nonce"),
        MaxPriorityFeePerGas = fields[2].AsInteger("maxPriorityFeePerGas"),
        MaxFeePerGas = fields[3].AsInteger("maxFeePerGas"),
        GasLimit = fields[4].AsUInt64("gasLimit"),
        To = fields[5].AsOptionalAddress("to"),
        Value = fields[6].AsInteger("value"),
        Data = fields[7].AsBytes("data").ToArray(),
        AccessList = TransactionFields.ReadAccessList(fields[8]),
    };

    private byte[][] EncodeFields() =>
    [
        RlpEncoder.EncodeInteger(ChainId),
        RlpEncoder.EncodeInteger(Nonce),
        TransactionFields.Quantity(MaxPriorityFeePerGas, nameof(MaxPriorityFeePerGas)),
        TransactionFields.Quantity(MaxFeePerGas, nameof(MaxFeePerGas)),
        RlpEncoder.EncodeInteger(GasLimit),
        TransactionFields.Destination(To),
        TransactionFields.Quantity(Value, nameof(Value)),
        RlpEncoder.EncodeBytes(Data.Span),
        TransactionFields.AccessList(AccessList),
    ];
}
