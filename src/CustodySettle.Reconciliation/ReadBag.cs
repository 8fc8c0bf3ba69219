using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Reconciliation;

/// <summary>
/// Collects typed view reads for one <see cref="BatchedReader"/> call and hands each its decoded value,
/// or null when the call reverted (a subaccount that does not exist, a token never deployed).
/// </summary>
internal sealed class ReadBag
{
    private readonly List<ViewCall> _calls = [];
    private readonly List<Action<ViewResult>> _sinks = [];

    public Func<T?> Add<T>(ContractRead<T> read)
        where T : struct
    {
        T? value = null;
        _calls.Add(ViewCall.From(read));
        _sinks.Add(result => value = result.Success && result.RpcError is null ? TryDecode(read, result.Data) : null);
        return () => value;
    }

    /// <summary>As <see cref="Add{T}"/>, for a read of a reference type (a list of balances).</summary>
    public Func<T?> AddObject<T>(ContractRead<T> read)
        where T : class
    {
        T? value = null;
        _calls.Add(ViewCall.From(read));
        _sinks.Add(result =>
        {
            try
            {
                value = result.Success && result.RpcError is null ? read.Decode(result.Data) : null;
            }
            catch (AbiDecodingException)
            {
                value = null;
            }
        });
        return () => value;
    }

    /// <summary>A call to an address without code "succeeds" with no data (a token not deployed yet): that is no value, not an error.</summary>
    private static T? TryDecode<T>(ContractRead<T> read, ReadOnlyMemory<byte> data)
        where T : struct
    {
        try
        {
            return read.Decode(data);
        }
        catch (AbiDecodingException)
        {
            return null;
        }
    }

    /// <summary>Reads every call at <paramref name="block"/>; returns the block the reads were made at.</summary>
    public async Task<(long Number, string Hash)> ReadAsync(BatchedReader reader, BlockTag block, CancellationToken ct)
    {
        var read = await reader.ReadAsync(_calls, block, ct);
        for (var i = 0; i < _sinks.Count; i++)
        {
            _sinks[i](read.Results[i]);
        }

        return (read.BlockNumber, read.BlockHash.ToString());
    }
}
