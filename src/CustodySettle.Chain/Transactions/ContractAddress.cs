using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;

namespace CustodySettle.Chain.Transactions;

/// <summary>Where a contract lands when created by a transaction (CREATE, not CREATE2).</summary>
public static class ContractAddress
{
    /// <summary>
    /// Yellow Paper, section 7 ("Contract Creation"): the last 20 bytes of keccak256(rlp([sender, nonce])),
    /// where nonce is the sender's nonce of the creating transaction.
    /// </summary>
    public static Address FromCreate(Address sender, ulong nonce)
    {
        var encoded = RlpEncoder.EncodeList(RlpEncoder.EncodeBytes(sender.Bytes), RlpEncoder.EncodeInteger(nonce));
        return Address.FromBytes(Keccak256.Hash(encoded).AsSpan(Keccak256.Size - Address.Size));
    }
}
