using System.Numerics;
using System.Text;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

/// <summary>Random ABI types and matching values for property tests, from a seeded <see cref="Random"/>.</summary>
internal sealed class RandomAbi(int seed)
{
    private static readonly string[] Elementary = ["address", "bool", "bytes", "string"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public AbiType NextType(int depth = 0)
    {
        var choice = depth >= 3 ? 0 : _random.Next(10);
        return choice switch
        {
            < 6 => NextElementary(),
            6 or 7 => AbiType.ArrayOf(NextType(depth + 1), _random.Next(2) == 0 ? null : _random.Next(1, 4)),
            _ => AbiType.TupleOf(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => NextType(depth + 1)).ToArray()),
        };
    }

    public object NextValue(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger => NextInteger(type),
        AbiTypeKind.Address => Address.FromBytes(NextBytes(Address.Size)),
        AbiTypeKind.Boolean => _random.Next(2) == 1,
        AbiTypeKind.FixedBytes => NextBytes(type.Size),
        AbiTypeKind.Bytes => NextBytes(_random.Next(0, 70)),
        AbiTypeKind.Text => NextText(),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.Length).Select(_ => NextValue(type.ElementType!)).ToList(),
        AbiTypeKind.DynamicArray => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => NextValue(type.ElementType!)).ToArray(),
        AbiTypeKind.Tuple => type.Components.Select(NextValue).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public byte[] NextBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private AbiType NextElementary()
    {
        var pick = _random.Next(Elementary.Length + 3);
        return pick switch
        {
            0 => AbiType.Parse($"uint{8 * _random.Next(1, 33)}"),
            1 => AbiType.Parse($"int{8 * _random.Next(1, 33)}"),
            2 => AbiType.Parse($"bytes{_random.Next(1, 33)}"),
            _ => AbiType.Parse(Elementary[pick - 3]),
        };
    }

    // Edge values (zero, extremes) a third of the time; otherwise uniform bits within the width.
    private BigInteger NextInteger(AbiType type)
    {
        var signed = type.Kind == AbiTypeKind.SignedInteger;
        var min = signed ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        switch (_random.Next(9))
        {
            case 0: return min;
            case 1: return max;
            case 2: return signed ? BigInteger.MinusOne : BigInteger.Zero;
            default:
                var raw = new BigInteger(NextBytes(type.Size / 8), isUnsigned: true);
                return signed ? raw + min : raw;
        }
    }

    private string NextText()
    {
        var builder = new StringBuilder();
        var length = _random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            // ASCII, accented Latin and a CJK character, so UTF-8 lengths differ from char counts.
            builder.Append(_random.Next(4) switch { 0 => 'é', 1 => '中', _ => (char)_random.Next(32, 127) });
        }

        return builder.ToString();
    }
}
