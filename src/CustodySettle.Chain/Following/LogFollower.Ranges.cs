using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Following;

/// <summary>Following one block range: headers, logs, and the transaction that applies them.</summary>
public sealed partial class LogFollower
{
    private async Task<(RangeStep Step, FollowerCursor Cursor)> FollowRangeAsync(
        FollowerCursor cursor, long from, long to, long head, long finalized, PollTally tally, CancellationToken cancellationToken)
    {
        var headers = await FetchHeadersAsync(from, to, finalized, cancellationToken);
        if (headers is null || !IsLinked(headers))
        {
            FollowerLog.ChainMoved(_logger, Name, from, to);
            return (RangeStep.Stopped, cursor);
        }

        if (cursor.Hash is { } cursorHash && headers[from].ParentHash != cursorHash)
        {
            return (RangeStep.Reorged, cursor);
        }

        IReadOnlyList<LogEntry> logs;
        try
        {
            logs = await _eth.GetLogsAsync(Filter(from, to), cancellationToken);
        }
        catch (JsonRpcException error) when (LogRangeErrors.IsRangeTooLarge(error) && _sizer.TryShrink(to - from + 1))
        {
            FollowerLog.RangeShrunk(_logger, Name, from, to, error.Code, _sizer.Current);
            tally.RangeShrinks++;
            return (RangeStep.Shrunk, cursor);
        }

        // Logs read from another branch than the headers: the chain moved between the two calls.
        if (logs.Any(log => log.BlockNumber < from || log.BlockNumber > to || log.Removed
            || (headers.TryGetValue(log.BlockNumber, out var block) && block.Hash != log.BlockHash)))
        {
            FollowerLog.ChainMoved(_logger, Name, from, to);
            return (RangeStep.Stopped, cursor);
        }

        _sizer.Observe(to - from + 1, logs.Count);
        var ordered = logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex).ToList();
        var next = new FollowerCursor(to, headers[to].Hash);
        var batch = new LogBatch(_options.ChainId, from, to, headers[to].Hash, ordered, head, finalized);
        if (!await CommitRangeAsync(cursor, next, batch, headers.Values, finalized, cancellationToken))
        {
            return (RangeStep.Stopped, cursor);
        }

        tally.Blocks += to - from + 1;
        tally.Logs += ordered.Count;
        tally.Ranges++;
        _metrics.Logs(ordered.Count);
        return (RangeStep.Advanced, next);
    }

    /// <summary>
    /// The range's first and last headers, and every header above the finalized height (those are
    /// stored, to be checked against later blocks' parentHash). Null when the node lacks one of them.
    /// </summary>
    private async Task<Dictionary<long, Block>?> FetchHeadersAsync(long from, long to, long finalized, CancellationToken cancellationToken)
    {
        var numbers = new SortedSet<long> { from, to };
        for (var n = Math.Max(from, finalized + 1); n <= to; n++)
        {
            numbers.Add(n);
        }

        var blocks = await _eth.GetBlocksByNumberAsync([.. numbers], cancellationToken);
        if (blocks.Any(b => b is null))
        {
            return null;
        }

        return blocks.ToDictionary(b => b!.Number, b => b!);
    }

    private static bool IsLinked(Dictionary<long, Block> headers) =>
        headers.Values.All(b => !headers.TryGetValue(b.Number - 1, out var parent) || parent.Hash == b.ParentHash);

    private LogFilter Filter(long from, long to) => new()
    {
        FromBlock = BlockTag.At(from),
        ToBlock = BlockTag.At(to),
        Addresses = _options.Addresses,
        Topics = _options.Topics,
    };

    /// <summary>Applies a range and moves the cursor in one transaction; false if the cursor moved meanwhile.</summary>
    private async Task<bool> CommitRangeAsync(
        FollowerCursor expected, FollowerCursor next, LogBatch batch, IReadOnlyCollection<Block> headers, long finalized, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await _store.LockCursorAsync(connection, transaction, cancellationToken) != expected)
        {
            FollowerLog.CursorMoved(_logger, Name);
            return false;
        }

        await _consumer.ApplyAsync(connection, transaction, batch, cancellationToken);
        await _store.SaveBlocksAsync(connection, transaction, headers, cancellationToken);
        await _store.AdvanceCursorAsync(connection, transaction, next, _timeProvider.GetUtcNow(), cancellationToken);
        // Below the finalized height a block can no longer be reorged; the cursor's own block is kept
        // for the next range's parentHash check.
        await _store.DeleteBlocksBelowAsync(connection, transaction, Math.Min(finalized, next.Number), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
