using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// One view call of a binding, not yet made: the target, the call data and how to decode the return
/// data. The bindings' <c>...Async</c> views run one with eth_call; <c>Reading.BatchedReader</c> runs many
/// in Multicall3 batches and decodes each with <see cref="Decode"/>.
/// </summary>
/// <typeparam name="T">The typed result.</typeparam>
public sealed class ContractRead<T>
{
    private readonly byte[] _data;
    private readonly Func<ReadOnlyMemory<byte>, T> _decode;

    internal ContractRead(Address target, string function, byte[] data, long gasHint, Func<ReadOnlyMemory<byte>, T> decode)
    {
        (Target, Function, _data, GasHint, _decode) = (target, function, data, gasHint, decode);
    }

    /// <summary>The contract called.</summary>
    public Address Target { get; }

    /// <summary>The function's name, e.g. "getMargin".</summary>
    public string Function { get; }

    /// <summary>The call data: selector and arguments.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>An upper bound of the gas the call uses inside a batch (see <see cref="ReadGas"/>).</summary>
    public long GasHint { get; }

    /// <summary>Decodes the call's return data; throws <see cref="Abi.AbiDecodingException"/> when it does not decode.</summary>
    public T Decode(ReadOnlyMemory<byte> returnData) => _decode(returnData);
}
