using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// The gas limit for an intent that has none: eth_estimateGas from the sender plus 20 % headroom,
/// because state can change between the estimate and inclusion (PerpAsset, for one, writes funding
/// storage only when the block timestamp has moved, so a later block costs more).
/// </summary>
internal static class GasEstimator
{
    public static async Task<long> GasLimitAsync(EthClient eth, Address from, TransactionIntent intent, CancellationToken cancellationToken)
    {
        if (intent.GasLimit is { } given)
        {
            return given;
        }

        var estimate = await eth.EstimateGasAsync(
            new TransactionRequest { From = from, To = intent.To, Data = intent.Data, Value = intent.Value },
            cancellationToken).ConfigureAwait(false);
        return estimate + (estimate / 5);
    }
}
