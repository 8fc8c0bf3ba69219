namespace CustodySettle.Chain.Abi;

/// <summary>The kinds of Solidity ABI type (docs.soliditylang.org, "Contract ABI Specification", Types).</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>; the value is a <see cref="System.Numerics.BigInteger"/>.</summary>
    UnsignedInteger,

    /// <summary><c>int&lt;M&gt;</c>, two's complement; a <see cref="System.Numerics.BigInteger"/>.</summary>
    SignedInteger,

    /// <summary><c>address</c>; a <see cref="Primitives.Address"/>.</summary>
    Address,

    /// <summary><c>bool</c>; a <see cref="bool"/>.</summary>
    Boolean,

    /// <summary><c>bytes&lt;M&gt;</c>; a byte array of exactly M bytes.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>; a byte array.</summary>
    Bytes,

    /// <summary><c>string</c>, UTF-8; a <see cref="string"/>.</summary>
    Text,

    /// <summary><c>T[k]</c>; a list of exactly k values.</summary>
    FixedArray,

    /// <summary><c>T[]</c>; a list of values.</summary>
    DynamicArray,

    /// <summary><c>(T1,...,Tn)</c>; a list of n values.</summary>
    Tuple,
}
