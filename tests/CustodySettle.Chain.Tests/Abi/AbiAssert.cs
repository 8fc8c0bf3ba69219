using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

/// <summary>Structural equality of ABI values: integers by value, bytes by content, lists element-wise.</summary>
internal static class AbiAssert
{
    public static void DeepEqual(object? expected, object? actual, string path = "value")
    {
        switch (expected)
        {
            case BigInteger number:
                Assert.True(actual is BigInteger other && other == number, $"{path}: expected {number}, got {actual}");
                break;
            case byte[] bytes:
                Assert.True(actual is byte[] content && content.AsSpan().SequenceEqual(bytes), $"{path}: expected {Hex.Encode(bytes)}");
                break;
            case IReadOnlyList<object?> list:
                var items = Assert.IsType<object[]>(actual);
                Assert.True(list.Count == items.Length, $"{path}: expected {list.Count} items, got {items.Length}");
                for (var i = 0; i < list.Count; i++)
                {
                    DeepEqual(list[i], items[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
