using System.Globalization;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;
using CustodySettle.Database;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Settlement;
using CustodySettle.Registry;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Closes a settlement cycle: the blocks after the last cycle (from the deployment's block for the
/// first) up to the finalized head (head minus <see cref="SettlementOptions.FinalityDepth"/>), or an
/// earlier block asked for; reads the manager's PerpSettled events there, nets them per desk through
/// the subaccount links (<see cref="SettlementNetting"/>), and records each desk's settlement, pending
/// for the dispute window. Idempotent by request id: a repeat returns the cycle closed the first time.
/// Reading the chain happens outside the database transaction; the store refuses the result if another
/// cycle closed meanwhile, so cycles never overlap or leave a gap.
/// </summary>
public sealed partial class SettlementCycleRunner(
    PostgresSettlementStore store, PerpSettledReader reader, PostgresRegistry registry, EthClient eth, ChainContracts contracts,
    SettlementOptions options, SettlementMetrics metrics, TimeProvider time, ILogger<SettlementCycleRunner> logger)
{
    /// <param name="requestId">The caller's idempotency key.</param>
    /// <param name="toBlock">The last block to include; null: the finalized head.</param>
    /// <param name="actor">Who closes it (an operator's key, or the schedule).</param>
    /// <param name="scheduled">Closed by the schedule rather than on request (for the metrics).</param>
    /// <param name="cancellationToken">Cancels the reads; what committed stays committed.</param>
    /// <exception cref="InvalidFieldException">to_block is above the finalized head.</exception>
    /// <exception cref="InvalidStateException">No block to settle since the last cycle.</exception>
    /// <exception cref="NotFoundException">The settlement asset is not registered.</exception>
    public async Task<SettlementCycle> RunAsync(Guid requestId, long? toBlock, string actor, bool scheduled, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (await store.FindCycleByRequestAsync(requestId, ct) is { } done)
        {
            return toBlock is null || toBlock == done.ToBlock
                ? done
                : throw new ConflictException($"request_id {requestId} closed the cycle up to block {done.ToBlock}", "to_block");
        }

        var asset = await registry.GetAssetAsync(options.AssetCode, ct)
            ?? throw new NotFoundException($"asset: the settlement asset {options.AssetCode} is not registered (CreateAsset)");
        var head = await eth.BlockNumberAsync(ct);
        var finalized = head - options.FinalityDepth;
        var from = await store.LastToBlockAsync(ct) ?? contracts.Deployment.BlockNumber - 1;
        var to = toBlock ?? finalized;
        if (to > finalized)
        {
            throw new InvalidFieldException("to_block", $"block {to} is not final yet: the head is {head} and cycles close at least {options.FinalityDepth} blocks below it");
        }

        if (to <= from)
        {
            // A concurrent request with this id may have closed the cycle since the first look.
            if (await store.FindCycleByRequestAsync(requestId, ct) is { } closed)
            {
                return closed;
            }

            throw new InvalidStateException($"nothing to settle: the last cycle closed at block {from} and the finalized head is {finalized}");
        }

        var block = await eth.GetBlockByNumberAsync(BlockTag.At(to), ct) ?? throw new UnavailableException($"the node has no block {to}");
        var events = await reader.ReadAsync(from + 1, to, ct);
        var links = (await registry.ListSubaccountsAsync(null, ct)).ToDictionary(l => l.SubaccountId, l => l.DeskId);
        var (desks, unattributed) = SettlementNetting.Net(events, links, asset.Decimals);
        var holders = await store.LargestHoldersAsync(asset.AssetCode, [.. desks.Select(d => d.DeskId)], ct);

        var now = PostgresTime.ToMicroseconds(time.GetUtcNow());
        var cycleId = Guid.NewGuid();
        var reason = string.Create(CultureInfo.InvariantCulture, $"PerpSettled in blocks {from + 1} to {to}");
        var settlements = desks.Select(d => DeskSettlement.Compute(
            Guid.NewGuid(), cycleId, d, holders.GetValueOrDefault(d.DeskId), asset.AssetCode, now, options.DisputeWindow, reason)).ToList();
        var cycle = new SettlementCycle(cycleId, requestId, from, to, block.Hash.ToString(), asset.AssetCode, actor, now, now + options.DisputeWindow,
            events.Count, settlements, unattributed);
        var stored = await store.CloseCycleAsync(cycle, [.. events.Select(e => (e, links.TryGetValue(e.SubaccountId, out var desk) ? desk : null))], ct);
        if (stored.CycleId == cycleId)
        {
            var unroutable = settlements.Count(s => s.CustodianId is null && s.Net.Sign != 0);
            metrics.CycleClosed(scheduled, unroutable);
            CycleClosed(logger, cycleId, from + 1, to, events.Count, settlements.Count, unattributed.Count, actor);
            foreach (var s in settlements.Where(s => s.CustodianId is null && s.Net.Sign != 0))
            {
                Unroutable(logger, s.SettlementId, s.DeskId, asset.AssetCode);
            }
        }

        return stored;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Settlement cycle {CycleId} closed blocks {FromBlock} to {ToBlock}: {Events} PerpSettled events, {Settlements} desk settlements, {Unattributed} events of unlinked subaccounts, by {Actor}")]
    private static partial void CycleClosed(ILogger logger, Guid cycleId, long fromBlock, long toBlock, int events, int settlements, int unattributed, string actor);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning,
        Message = "Settlement {SettlementId} of desk {DeskId} has no custodian: no custodian holds the desk's {Asset}; it needs an operator's instruction")]
    private static partial void Unroutable(ILogger logger, Guid settlementId, string deskId, string asset);
}
