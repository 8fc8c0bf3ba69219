using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Domain.Settlement;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Reads the venue manager's <c>PerpSettled</c> events over a block range, in chain order, with
/// eth_getLogs in ranges of <see cref="SettlementOptions.LogRange"/> blocks. PerpSettled is the event
/// that moves cash (StandardManager._settlePerp adds pnl + funding to the subaccount's cash balance);
/// the PerpAsset's <c>PositionSettled</c> that precedes it is the mark-to-market of the same amount,
/// so summing both would count it twice.
/// </summary>
public sealed class PerpSettledReader(EthClient eth, ChainContracts contracts, SettlementOptions options)
{
    private readonly ContractEventDecoder _decoder = contracts.CreateEventDecoder();

    /// <summary>Every PerpSettled in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>, both inclusive.</summary>
    public async Task<IReadOnlyList<PerpSettlement>> ReadAsync(long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        var topic = contracts.Artifacts.Abi(ContractKind.StandardManager).GetEvent("PerpSettled").Topic0;
        var events = new List<PerpSettlement>();
        for (var from = fromBlock; from <= toBlock; from += options.LogRange)
        {
            var to = Math.Min(toBlock, from + options.LogRange - 1);
            var logs = await eth.GetLogsAsync(new LogFilter
            {
                FromBlock = BlockTag.At(from), ToBlock = BlockTag.At(to), Addresses = [contracts.Manager.Address], Topics = [[topic]],
            }, cancellationToken);
            foreach (var decoded in _decoder.DecodeAll([.. logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex)]))
            {
                if (decoded.Event is PerpSettled settled)
                {
                    events.Add(new PerpSettlement(settled.AccountId, settled.Perp.ToString(), settled.Pnl, settled.Funding,
                        decoded.Log.BlockNumber, decoded.Log.LogIndex, decoded.Log.TransactionHash.ToString()));
                }
            }
        }

        return events;
    }
}
