using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Reading;

/// <summary>One read-only call for <see cref="BatchedReader"/>: target, call data, and an upper bound of its gas (see <see cref="ReadGas"/>).</summary>
public sealed record ViewCall(Address Target, ReadOnlyMemory<byte> Data, long GasHint = ReadGas.Light)
{
    /// <summary>The call a binding's read describes.</summary>
    public static ViewCall From<T>(ContractRead<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new ViewCall(read.Target, read.Data, read.GasHint);
    }
}
