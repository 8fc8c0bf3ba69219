using System.Numerics;
using System.Text.Json.Nodes;

namespace CustodySettle.Chain.Rpc;

/// <summary>Gas prices and fee history (EIP-1559).</summary>
public sealed partial class EthClient
{
    /// <summary>eth_gasPrice in wei (legacy; base fee plus a suggested tip on EIP-1559 chains).</summary>
    public Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_gasPrice"), EthJsonReader.QuantityOf, cancellationToken);

    /// <summary>eth_maxPriorityFeePerGas: the node's suggested tip in wei.</summary>
    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_maxPriorityFeePerGas"), EthJsonReader.QuantityOf, cancellationToken);

    /// <summary>eth_feeHistory over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>,
    /// with the priority fee at each of <paramref name="rewardPercentiles"/> (0-100, ascending).</summary>
    public Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        var percentiles = new JsonArray([.. rewardPercentiles.Select(p => (JsonNode)p)]);
        return ReadAsync(
            JsonRpcRequest.Create("eth_feeHistory", Primitives.Hex.EncodeQuantity(blockCount), Tag(newestBlock), percentiles),
            EthJsonReader.ReadFeeHistory,
            cancellationToken);
    }
}
