using System.Collections.Immutable;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Decoded values in declaration order, reachable by position or by parameter name. Values are
/// BigInteger (int/uint), <see cref="Primitives.Address"/>, bool, byte[] (bytes, bytesM), string,
/// object[] (arrays and tuples), and <see cref="Primitives.Hash32"/> for indexed event inputs of
/// dynamic type, whose topic holds only a hash.
/// </summary>
public sealed class AbiValues
{
    private readonly object[] _values;

    internal AbiValues(IReadOnlyList<AbiParameter> parameters, object[] values)
    {
        Names = [.. parameters.Select(p => p.Name)];
        _values = values;
    }

    /// <summary>The parameter names, in order ("" where the ABI gives none).</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The values, in order.</summary>
    public IReadOnlyList<object> Values => _values;

    public int Count => _values.Length;

    public object this[int index] => _values[index];

    /// <summary>The value of the parameter named <paramref name="name"/>.</summary>
    public object this[string name] => _values[IndexOf(name)];

    /// <summary>The value at <paramref name="index"/> as <typeparamref name="T"/>.</summary>
    public T Get<T>(int index) => _values[index] is T value
        ? value
        : throw new InvalidCastException($"Value {index} is a {_values[index].GetType().Name}, not a {typeof(T).Name}.");

    /// <summary>The value named <paramref name="name"/> as <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => Get<T>(IndexOf(name));

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = Names.IndexOf(name, StringComparer.Ordinal);
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"No value named '{name}'; the names are {string.Join(", ", Names.Select(n => $"'{n}'"))}.");
    }
}
