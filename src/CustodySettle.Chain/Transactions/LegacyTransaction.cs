using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Transactions;

/// <summary>
/// An unsigned legacy transaction with EIP-155 replay protection: signed over
/// keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])) and sent as
/// rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]) with v = yParity + chainId·2 + 35.
/// A null <see cref="ChainId"/> is the pre-EIP-155 form (v = 27 + yParity), which is decoded but never signed.
/// </summary>
public sealed record LegacyTransaction
{
    public ulong? ChainId { get; init; }

    public ulong Nonce { get; init; }

    /// <summary>The price per gas, in wei.</summary>
    public BigInteger GasPrice { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null to create a contract with <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The bytes whose keccak256 is signed (EIP-155 appends chainId, 0, 0).</summary>
    public byte[] GetSigningPayload() => RlpEncoder.EncodeList(
        ChainId is { } chainId
            ? [.. EncodeFields(), RlpEncoder.EncodeInteger(chainId), RlpEncoder.EncodeInteger(0), RlpEncoder.EncodeInteger(0)]
            : EncodeFields());

    public Hash32 GetSigningHash() => Hash32.FromBytes(Keccak256.Hash(GetSigningPayload()));

    /// <summary>Signs with <paramref name="key"/>; refuses without a chain id, which would be replayable on any chain.</summary>
    public SignedTransaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ChainId is null)
        {
            throw new InvalidOperationException("Refusing to sign a legacy transaction without a chain id (EIP-155 replay protection).");
        }

        var signature = key.Sign(GetSigningHash());
        return new SignedTransaction(Encode(signature), signature, key.Address, null, this);
    }

    /// <summary>EIP-155's v: 27 + parity without a chain id, else parity + chainId·2 + 35.</summary>
    internal BigInteger V(EcdsaSignature signature) => ChainId is { } chainId
        ? signature.YParity + (new BigInteger(chainId) * 2) + 35
        : signature.YParity + 27;

    internal byte[] Encode(EcdsaSignature signature) =>
        RlpEncoder.EncodeList([.. EncodeFields(), .. TransactionFields.Signature(V(signature), signature)]);

    internal static LegacyTransaction FromFields(IReadOnlyList<RlpItem> fields, ulong? chainId) => new()
    {
        ChainId = chainId,
        Nonce = fields[0].AsUInt64("nonce"),
        GasPrice = fields[1].AsInteger("gasPrice"),
        GasLimit = fields[2].AsUInt64("gasLimit"),
        To = fields[3].AsOptionalAddress("to"),
        Value = fields[4].AsInteger("value"),
        Data = fields[5].AsBytes("data").ToArray(),
    };

    private byte[][] EncodeFields() =>
    [
        RlpEncoder.EncodeInteger(Nonce),
        TransactionFields.Quantity(GasPrice, nameof(GasPrice)),
        RlpEncoder.EncodeInteger(GasLimit),
        TransactionFields.Destination(To),
        TransactionFields.Quantity(Value, nameof(Value)),
        RlpEncoder.EncodeBytes(Data.Span),
    ];
}
