using System.Numerics;
using CustodySettle.Chain.Rlp;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Transactions;

/// <summary>
/// Raw transaction bytes back to fields, signature and sender. EIP-2718: a first byte of 0xc0 or more
/// is a legacy RLP list, a byte up to 0x7f is a type; types other than 2 are refused.
/// </summary>
internal static class TransactionDecoder
{
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new FormatException("A transaction cannot be empty.");
        }

        return raw[0] switch
        {
            >= 0xc0 => DecodeLegacy(raw),
            (byte)TransactionType.Eip1559 => DecodeEip1559(raw),
            <= 0x7f => throw new FormatException($"Transaction type 0x{raw[0]:x2} is not supported (only legacy and EIP-1559)."),
            _ => throw new FormatException($"0x{raw[0]:x2} starts neither a typed transaction nor an RLP list."),
        };
    }

    private static SignedTransaction DecodeEip1559(ReadOnlySpan<byte> raw)
    {
        var fields = RlpDecoder.Decode(raw[1..]).AsList("EIP-1559 transaction", 12);
        var transaction = Eip1559Transaction.FromFields(fields);
        var yParity = fields[9].AsInteger("yParity", 1);
        if (yParity > 1)
        {
            throw new FormatException($"yParity must be 0 or 1, not {yParity}.");
        }

        var signature = TransactionFields.ReadSignature(fields[10], fields[11], yParity);
        return new SignedTransaction(raw.ToArray(), signature, Secp256k1.Recover(transaction.GetSigningHash(), signature), transaction, null);
    }

    private static SignedTransaction DecodeLegacy(ReadOnlySpan<byte> raw)
    {
        var fields = RlpDecoder.Decode(raw).AsList("legacy transaction", 9);
        var v = fields[6].AsInteger("v");
        ulong? chainId;
        BigInteger yParity;
        if (v == 27 || v == 28)
        {
            (chainId, yParity) = (null, v - 27);
        }
        else if (v >= 35 && (v - 35) / 2 <= ulong.MaxValue)
        {
            (chainId, yParity) = ((ulong)((v - 35) / 2), (v - 35) % 2);
        }
        else
        {
            throw new FormatException($"Legacy v {v} is neither 27/28 nor chainId·2 + 35/36 (EIP-155).");
        }

        var transaction = LegacyTransaction.FromFields(fields, chainId);
        var signature = TransactionFields.ReadSignature(fields[7], fields[8], yParity);
        return new SignedTransaction(raw.ToArray(), signature, Secp256k1.Recover(transaction.GetSigningHash(), signature), null, transaction);
    }
}
