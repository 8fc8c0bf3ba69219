using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A contract's interface from its JSON ABI: functions (overloads told apart by signature), events by
/// name or topic 0, custom errors by selector, and the constructor's inputs.
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<Hash32, AbiEvent> _eventsByTopic;

    internal ContractAbi(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors, IEnumerable<AbiParameter> constructorInputs)
    {
        Functions = [.. functions];
        Events = [.. events];
        Errors = [.. errors];
        ConstructorInputs = [.. constructorInputs];
        _eventsByTopic = Events.Where(e => !e.Anonymous).DistinctBy(e => e.Topic0).ToDictionary(e => e.Topic0);
    }

    public ImmutableArray<AbiFunction> Functions { get; }

    public ImmutableArray<AbiEvent> Events { get; }

    public ImmutableArray<AbiError> Errors { get; }

    public ImmutableArray<AbiParameter> ConstructorInputs { get; }

    /// <summary>Parses a JSON ABI array, or an artifact object that has one under "abi".</summary>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return ContractAbiJson.Read(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var abi) ? abi : root);
    }

    /// <summary>Reads a JSON ABI array already parsed.</summary>
    public static ContractAbi FromJson(JsonElement abiArray) => ContractAbiJson.Read(abiArray);

    /// <summary>The function with this name (which must not be overloaded) or signature ("f(uint256)").</summary>
    public AbiFunction GetFunction(string nameOrSignature) =>
        Find(Functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    /// <summary>Like <see cref="GetFunction"/>, false when missing or overloaded.</summary>
    public bool TryGetFunction(string nameOrSignature, [NotNullWhen(true)] out AbiFunction? function)
    {
        var matches = Functions.Where(f => f.Signature == nameOrSignature || f.Name == nameOrSignature).Take(2).ToList();
        function = matches.Count == 1 ? matches[0] : null;
        return function is not null;
    }

    /// <summary>The function whose selector starts <paramref name="callData"/>, if any.</summary>
    public AbiFunction? FindFunction(ReadOnlySpan<byte> callData)
    {
        foreach (var function in Functions)
        {
            if (callData.Length >= AbiSignature.SelectorSize && callData[..AbiSignature.SelectorSize].SequenceEqual(function.Selector.Span))
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The event with this name (not overloaded) or signature.</summary>
    public AbiEvent GetEvent(string nameOrSignature) => Find(Events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    /// <summary>The non-anonymous event whose topic 0 is <paramref name="topic0"/>.</summary>
    public bool TryGetEvent(Hash32 topic0, [NotNullWhen(true)] out AbiEvent? abiEvent) => _eventsByTopic.TryGetValue(topic0, out abiEvent);

    /// <summary>The custom error with this name (not overloaded) or signature.</summary>
    public AbiError GetError(string nameOrSignature) => Find(Errors, nameOrSignature, e => e.Name, e => e.Signature, "error");

    /// <summary>The custom error whose selector starts <paramref name="revertData"/>.</summary>
    public AbiError? FindError(ReadOnlySpan<byte> revertData)
    {
        foreach (var error in Errors)
        {
            if (error.Matches(revertData))
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Decodes revert data against Error(string), Panic(uint256) and this contract's errors.</summary>
    public AbiRevert DecodeRevert(ReadOnlySpan<byte> revertData) => AbiRevert.Decode(revertData, Errors);

    /// <summary>The ABI-encoded constructor arguments, to append to the creation bytecode.</summary>
    public byte[] EncodeConstructorArguments(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return AbiEncoder.EncodeSequence([.. ConstructorInputs.Select(p => p.Type)], args, "constructor");
    }

    private static T Find<T>(ImmutableArray<T> items, string key, Func<T, string> name, Func<T, string> signature, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Contains('(', StringComparison.Ordinal))
        {
            return items.SingleOrDefault(i => signature(i) == key)
                ?? throw new KeyNotFoundException($"The ABI has no {what} {key}.");
        }

        var matches = items.Where(i => name(i) == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"The ABI has no {what} named '{key}'."),
            _ => throw new ArgumentException($"'{key}' is overloaded ({string.Join(", ", matches.Select(signature))}); ask by signature.", nameof(key)),
        };
    }
}
