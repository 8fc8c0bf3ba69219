using System.Collections.Immutable;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// An error a contract reverts with: revert data is the 4-byte selector of the error's signature and
/// its ABI-encoded arguments (Solidity docs, "Errors and the Revert Statement"). Besides custom
/// errors there are the two the compiler emits itself, <see cref="ErrorString"/> and <see cref="Panic"/>.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;

    public AbiError(string name, IEnumerable<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Signature = AbiSignature.Format(name, Inputs);
        _selector = AbiSignature.Selector(Signature);
        _inputTypes = [.. Inputs.Select(p => p.Type)];
    }

    /// <summary><c>Error(string)</c>, selector 0x08c379a0: <c>require(cond, "reason")</c> and <c>revert("reason")</c>.</summary>
    public static AbiError ErrorString { get; } = Parse("Error(string message)");

    /// <summary><c>Panic(uint256)</c>, selector 0x4e487b71: failed asserts, overflow, division by zero...</summary>
    public static AbiError Panic { get; } = Parse("Panic(uint256 code)");

    public string Name { get; }

    public ImmutableArray<AbiParameter> Inputs { get; }

    /// <summary>The canonical signature, e.g. "SupplyMismatch(uint256,uint256)".</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public ReadOnlyMemory<byte> Selector => _selector;

    /// <summary>An error from "Name(type [name], ...)".</summary>
    public static AbiError Parse(string signature)
    {
        var (name, inputs) = AbiSignature.Parse(signature, allowIndexed: false);
        return new AbiError(name, inputs);
    }

    /// <summary>The revert data for these arguments (for tests and stubs).</summary>
    public byte[] Encode(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. _selector, .. AbiEncoder.EncodeSequence(_inputTypes, args, Name)];
    }

    /// <summary>Whether revert data starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> data) =>
        data.Length >= AbiSignature.SelectorSize && data[..AbiSignature.SelectorSize].SequenceEqual(_selector);

    /// <summary>Decodes revert data that starts with this error's selector.</summary>
    public AbiValues Decode(ReadOnlySpan<byte> data) => Matches(data)
        ? new AbiValues(Inputs, AbiDecoder.DecodeSequence(_inputTypes, data[AbiSignature.SelectorSize..]))
        : throw new AbiDecodingException($"Revert data does not start with the selector of {Signature} ({Hex.Encode(_selector)}).");

    public override string ToString() => Signature;
}
