using System.Text;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Event topics for indexed inputs (ABI spec, "Events" and "Encoding of Indexed Event Parameters"):
/// a value type is its 32-byte ABI word; string, bytes, arrays and tuples are the Keccak-256 of a
/// special in-place encoding, so they can be matched in a filter but not recovered from a log.
/// </summary>
public static class AbiTopic
{
    /// <summary>The topic for an indexed input of <paramref name="type"/> holding <paramref name="value"/>.</summary>
    public static Hash32 Encode(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return IsWord(type)
            ? Hash32.FromBytes(AbiEncoder.Encode(type, value, "topic"))
            : Hash32.FromBytes(Keccak256.Hash(InPlace(type, value, padded: false)));
    }

    /// <summary>Types whose topic is the value itself: integers, address, bool and bytes1..32.</summary>
    internal static bool IsWord(AbiType type) => type.Kind is AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger
        or AbiTypeKind.Address or AbiTypeKind.Boolean or AbiTypeKind.FixedBytes;

    // bytes and string are their raw contents at the top level and padded to a word inside arrays and
    // structs; arrays carry no length prefix; every value type is its usual padded word.
    private static byte[] InPlace(AbiType type, object? value, bool padded)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.Text:
                var content = type.Kind == AbiTypeKind.Text
                    ? Encoding.UTF8.GetBytes(value as string ?? throw AbiValueConverter.Mismatch(type, value, "topic"))
                    : AbiValueConverter.ToBytes(type, value, "topic").ToArray();
                return padded ? [.. content, .. new byte[AbiWords.PaddedLength(content.Length) - content.Length]] : content;
            case AbiTypeKind.FixedArray:
            case AbiTypeKind.DynamicArray:
                var items = AbiValueConverter.ToItems(type, value, "topic");
                return [.. items.SelectMany(item => InPlace(type.ElementType!, item, padded: true))];
            case AbiTypeKind.Tuple:
                var members = AbiValueConverter.ToItems(type, value, "topic");
                if (members.Count != type.Components.Length)
                {
                    throw new ArgumentException($"A {type} has {type.Components.Length} members, not {members.Count}.", nameof(value));
                }

                return [.. type.Components.SelectMany((component, i) => InPlace(component, members[i], padded: true))];
            default:
                return AbiEncoder.Encode(type, value, "topic");
        }
    }
}
