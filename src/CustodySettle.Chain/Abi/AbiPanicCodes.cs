using System.Numerics;

namespace CustodySettle.Chain.Abi;

/// <summary>The Panic(uint256) codes of the Solidity docs ("Panic via assert and Error via require").</summary>
internal static class AbiPanicCodes
{
    public static string Describe(BigInteger code) => (int)BigInteger.Min(code, int.MaxValue) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assert failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call to a zero-initialized function variable",
        _ => "unknown panic code",
    };
}
