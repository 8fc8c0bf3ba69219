using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Following;

/// <summary>Reorg handling: find the common ancestor, roll back above it.</summary>
public sealed partial class LogFollower
{
    /// <summary>
    /// At (or past) the head there is no next block whose parentHash could show a reorg, so the stored
    /// block at the cursor (or at the head, if the chain got shorter) is compared with the chain's.
    /// </summary>
    private async Task<FollowerCursor?> CheckTipAsync(FollowerCursor cursor, long head, PollTally tally, CancellationToken cancellationToken)
    {
        if (cursor.Hash is not { } cursorHash)
        {
            return cursor;
        }

        if (cursor.Number <= head)
        {
            var block = await _eth.GetBlockByNumberAsync(BlockTag.At(cursor.Number), cancellationToken);
            if (block is not null && block.Hash == cursorHash)
            {
                return cursor;
            }
        }

        return await RollBackAsync(cursor, head, tally, cancellationToken);
    }

    /// <summary>
    /// Walks back from the cursor (or the head, if lower) until the stored hash equals the chain's: that
    /// block is the common ancestor. In one transaction the consumer rolls back everything above it, the
    /// stored blocks above it are deleted and the cursor is set to it. Null when there was nothing to
    /// roll back after all (the chain moved again) or another instance moved the cursor: the poll stops.
    /// </summary>
    private async Task<FollowerCursor?> RollBackAsync(FollowerCursor cursor, long head, PollTally tally, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadBlocksAsync(_dataSource, cancellationToken);
        var ancestor = new FollowerCursor(_options.StartBlock - 1, null);
        for (var n = Math.Min(cursor.Number, head); n >= _options.StartBlock; n--)
        {
            if (!stored.TryGetValue(n, out var storedHash))
            {
                throw new LogFollowerException(
                    $"Follower {Name}: reorg below block {n + 1}, deeper than the stored blocks (finality depth {_options.FinalityDepth}); data derived from final blocks may be wrong.");
            }

            var block = await _eth.GetBlockByNumberAsync(BlockTag.At(n), cancellationToken);
            if (block is not null && block.Hash == storedHash)
            {
                ancestor = new FollowerCursor(n, storedHash);
                break;
            }
        }

        if (ancestor == cursor)
        {
            FollowerLog.ChainMoved(_logger, Name, cursor.Number, cursor.Number + 1);
            return null;
        }

        if (!await CommitRollbackAsync(cursor, ancestor, cancellationToken))
        {
            return null;
        }

        var depth = (int)(cursor.Number - ancestor.Number);
        FollowerLog.ReorgRolledBack(_logger, Name, depth, cursor.Number, ancestor.Number);
        _metrics.Reorg(depth);
        tally.ReorgDepth = Math.Max(tally.ReorgDepth, depth);
        tally.CommonAncestor = ancestor.Number;
        return ancestor;
    }

    private async Task<bool> CommitRollbackAsync(FollowerCursor expected, FollowerCursor ancestor, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await _store.LockCursorAsync(connection, transaction, cancellationToken) != expected)
        {
            FollowerLog.CursorMoved(_logger, Name);
            return false;
        }

        await _consumer.RollbackAsync(connection, transaction, ancestor.Number, cancellationToken);
        await _store.DeleteBlocksAboveAsync(connection, transaction, ancestor.Number, cancellationToken);
        await _store.AdvanceCursorAsync(connection, transaction, ancestor, _timeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
