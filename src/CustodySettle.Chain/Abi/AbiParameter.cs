using System.Collections.Immutable;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A named, typed input or output of a function, event, error or constructor. For tuple types the
/// JSON ABI's "components" keep the member names (the type itself is names-free, as the encoding is).
/// </summary>
public sealed class AbiParameter
{
    public AbiParameter(string name, AbiType type, bool indexed = false, string? internalType = null, IEnumerable<AbiParameter>? components = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Indexed = indexed;
        InternalType = internalType;
        Components = components?.ToImmutableArray() ?? [];
    }

    /// <summary>The name, empty when the ABI leaves it out.</summary>
    public string Name { get; }

    public AbiType Type { get; }

    /// <summary>Whether an event input is carried in a topic rather than in the data.</summary>
    public bool Indexed { get; }

    /// <summary>The Solidity type ("struct Vault.Call[]", "contract IERC20"), when the JSON ABI has it.</summary>
    public string? InternalType { get; }

    /// <summary>The named members of a tuple type (or of the tuple inside an array type).</summary>
    public ImmutableArray<AbiParameter> Components { get; }

    public override string ToString() => (Type, Indexed, Name) switch
    {
        (_, true, "") => $"{Type} indexed",
        (_, true, _) => $"{Type} indexed {Name}",
        (_, _, "") => Type.ToString(),
        _ => $"{Type} {Name}",
    };
}
