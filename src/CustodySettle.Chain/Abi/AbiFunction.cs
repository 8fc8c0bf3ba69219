using System.Collections.Immutable;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A contract function: encodes calls (selector + arguments) and decodes return data. Build it from a
/// <see cref="ContractAbi"/>, or with <see cref="Parse"/> for a well-known signature.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    public AbiFunction(
        string name,
        IEnumerable<AbiParameter> inputs,
        IEnumerable<AbiParameter>? outputs = null,
        AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Outputs = outputs?.ToImmutableArray() ?? [];
        StateMutability = stateMutability;
        Signature = AbiSignature.Format(name, Inputs);
        _selector = AbiSignature.Selector(Signature);
        _inputTypes = [.. Inputs.Select(p => p.Type)];
        _outputTypes = [.. Outputs.Select(p => p.Type)];
    }

    public string Name { get; }

    public ImmutableArray<AbiParameter> Inputs { get; }

    public ImmutableArray<AbiParameter> Outputs { get; }

    public AbiStateMutability StateMutability { get; }

    /// <summary>The canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector: the first bytes of keccak256(<see cref="Signature"/>).</summary>
    public ReadOnlyMemory<byte> Selector => _selector;

    /// <summary>
    /// A function from "name(type [name], ...)" and its outputs "type [name], ...", e.g.
    /// <c>Parse("balanceOf(address owner)", "uint256")</c>.
    /// </summary>
    public static AbiFunction Parse(string signature, string outputs = "", AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        var (name, inputs) = AbiSignature.Parse(signature, allowIndexed: false);
        return new AbiFunction(name, inputs, AbiSignature.ParseParameters(outputs, allowIndexed: false), stateMutability);
    }

    /// <summary>
    /// The call data: selector then the encoded arguments. Note that C# expands a lone object[]
    /// into the params array; pass a single array argument as a List or as <c>[(object)items]</c>.
    /// </summary>
    public byte[] EncodeCall(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var encoded = AbiEncoder.EncodeSequence(_inputTypes, args, Name);
        return [.. _selector, .. encoded];
    }

    /// <summary>Decodes call data that starts with this function's selector.</summary>
    public AbiValues DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < AbiSignature.SelectorSize || !callData[..AbiSignature.SelectorSize].SequenceEqual(_selector))
        {
            throw new AbiDecodingException($"Call data does not start with the selector of {Signature} ({Hex.Encode(_selector)}).");
        }

        return new AbiValues(Inputs, AbiDecoder.DecodeSequence(_inputTypes, callData[AbiSignature.SelectorSize..]));
    }

    /// <summary>Encodes return values, as the contract would (for tests and stubs).</summary>
    public byte[] EncodeOutput(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.EncodeSequence(_outputTypes, values, Name + " output");
    }

    /// <summary>Decodes the return data of an eth_call to this function.</summary>
    public AbiValues DecodeOutput(ReadOnlySpan<byte> data) => new(Outputs, AbiDecoder.DecodeSequence(_outputTypes, data));

    public override string ToString() => Signature;
}
