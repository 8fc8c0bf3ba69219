using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Transactions;

/// <summary>
/// A signed transaction: the raw bytes for eth_sendRawTransaction, its hash (keccak256 of those bytes,
/// as the node will report it), the signature and the sender. Made by signing, or decoded from raw bytes.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;

    internal SignedTransaction(byte[] raw, EcdsaSignature signature, Address sender, Eip1559Transaction? eip1559, LegacyTransaction? legacy)
    {
        _raw = raw;
        Hash = Hash32.FromBytes(Keccak256.Hash(raw));
        Signature = signature;
        Sender = sender;
        Eip1559 = eip1559;
        Legacy = legacy;
    }

    /// <summary>The EIP-2718 envelope (type byte ‖ payload), or the RLP list of a legacy transaction.</summary>
    public ReadOnlyMemory<byte> RawBytes => _raw;

    /// <summary>The transaction hash.</summary>
    public Hash32 Hash { get; }

    public EcdsaSignature Signature { get; }

    /// <summary>The signer, recovered from the signature when decoded.</summary>
    public Address Sender { get; }

    public TransactionType Type => Eip1559 is null ? TransactionType.Legacy : TransactionType.Eip1559;

    /// <summary>The fields when <see cref="Type"/> is EIP-1559; null otherwise.</summary>
    public Eip1559Transaction? Eip1559 { get; }

    /// <summary>The fields when <see cref="Type"/> is legacy; null otherwise.</summary>
    public LegacyTransaction? Legacy { get; }

    public ulong? ChainId => Eip1559?.ChainId ?? Legacy!.ChainId;

    public ulong Nonce => Eip1559?.Nonce ?? Legacy!.Nonce;

    public ulong GasLimit => Eip1559?.GasLimit ?? Legacy!.GasLimit;

    public Address? To => Eip1559 is { } tx ? tx.To : Legacy!.To;

    public BigInteger Value => Eip1559?.Value ?? Legacy!.Value;

    public ReadOnlyMemory<byte> Data => Eip1559?.Data ?? Legacy!.Data;

    /// <summary>Decodes raw transaction bytes (legacy or type 2), checking the encoding is canonical and recovering the sender.</summary>
    /// <exception cref="FormatException">The bytes are not a valid transaction of a supported type.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw) => TransactionDecoder.Decode(raw);

    /// <summary>Decodes "0x..." raw transaction hex.</summary>
    public static SignedTransaction Parse(string hex) => Decode(Hex.Decode(hex));

    /// <summary>The raw bytes as "0x..." hex, the parameter of eth_sendRawTransaction.</summary>
    public string ToHex() => Hex.Encode(_raw);

    public override string ToString() => $"{Type} transaction {Hash} from {Sender}, nonce {Nonce}";
}
