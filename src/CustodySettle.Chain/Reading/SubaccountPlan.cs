using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// One <see cref="SubaccountQuery"/>'s reads, in a fixed order (perp position, cash, IM, MM, unsettled
/// cash, then collateral and token balance when there is a token), and how their results make its state.
/// </summary>
internal sealed class SubaccountPlan(SubaccountQuery query, List<ContractRead<BigInteger>> reads)
{
    private const int WithoutToken = 5;

    public IReadOnlyList<ViewCall> Calls { get; } = [.. reads.Select(ViewCall.From)];

    /// <summary>The reading from this plan's results, which start at <paramref name="offset"/> of <paramref name="results"/>.</summary>
    public SubaccountReading Complete(IReadOnlyList<ViewResult> results, int offset)
    {
        var values = new BigInteger[reads.Count];
        for (var i = 0; i < reads.Count; i++)
        {
            if (!TryDecode(reads[i], results[offset + i], out values[i], out var error))
            {
                return new SubaccountReading(query, null, error);
            }
        }

        var hasToken = reads.Count > WithoutToken;
        var state = new SubaccountState(
            query.AccountId,
            PerpPosition: values[0],
            Cash: values[1],
            Collateral: hasToken ? values[5] : null,
            CustodyTokenBalance: hasToken ? values[6] : null,
            InitialMargin: values[2],
            MaintenanceMargin: values[3],
            UnsettledAndUnrealizedCash: values[4]);
        return new SubaccountReading(query, state, null);
    }

    private static bool TryDecode(ContractRead<BigInteger> read, ViewResult result, out BigInteger value, out string? error)
    {
        (value, error) = (BigInteger.Zero, null);
        if (!result.Success)
        {
            error = $"{read.Function} on {read.Target} failed: {result.RpcError?.Message ?? AbiRevert.Decode(result.Data.Span).Message}";
            return false;
        }

        try
        {
            value = read.Decode(result.Data);
            return true;
        }
        catch (AbiDecodingException e)
        {
            // A call to an address without code succeeds with no data (e.g. a custody token never created).
            error = $"{read.Function} on {read.Target} returned {result.Data.Length} bytes that do not decode: {e.Message}";
            return false;
        }
    }
}
