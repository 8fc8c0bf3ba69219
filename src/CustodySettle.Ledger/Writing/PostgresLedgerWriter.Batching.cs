using System.Data;
using System.Diagnostics;
using Npgsql;

namespace CustodySettle.Ledger.Writing;

/// <summary>The group-commit loop: drain the queue into a batch, apply it in one transaction, answer.</summary>
public sealed partial class PostgresLedgerWriter
{
    // The loop's own connection, kept open between batches so its prepared statements stay warm and
    // the pool's reset never runs; dropped after any failure and opened again by the next attempt.
    private NpgsqlConnection? _connection;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(cancellationToken);
        }
        finally
        {
            await DropConnectionAsync(rollback: false);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Submission>();
        Submission? carried = null;
        var reader = _queue.Reader;
        while (carried is not null || await reader.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Requests.Count;
                carried = null;
            }

            while (reader.TryRead(out var next))
            {
                if (count + next.Requests.Count > _options.MaxBatchSize)
                {
                    // A submission is never split: its linked chains must apply together.
                    carried = next;
                    break;
                }

                batch.Add(next);
                count += next.Requests.Count;
            }

            await ProcessAsync(batch, count, cancellationToken);
        }
    }

    private async Task ProcessAsync(List<Submission> batch, int count, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var slots = await ExecuteAsync(batch, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                _metrics.Record(slots, elapsed);
                LedgerWriterLog.BatchCommitted(_logger, batch.Count, count, attempt, elapsed.TotalMilliseconds);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(Array.ConvertAll(slots[i], s => s.ToOutcome()));
                }

                return;
            }
            catch (Exception error) when (TransientErrors.IsTransient(error) && attempt < _options.MaxAttempts)
            {
                // Nothing of the batch was acknowledged; the retry re-reads everything under fresh locks,
                // and any id a concurrent instance committed meanwhile becomes a replay.
                LedgerWriterLog.BatchRetrying(_logger, error, count, attempt);
                var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(delay, _timeProvider, CancellationToken.None);
            }
#pragma warning disable CA1031 // The loop must survive any failure: the error goes to the batch's callers.
            catch (Exception error)
#pragma warning restore CA1031
            {
                LedgerWriterLog.BatchFailed(_logger, error, count, attempt);
                foreach (var submission in batch)
                {
                    submission.Completion.TrySetException(error);
                }

                return;
            }
        }
    }

    private async Task<List<TransferSlot[]>> ExecuteAsync(List<Submission> batch, CancellationToken cancellationToken)
    {
        var submissions = batch
            .Select(s => s.Requests.Select((request, i) => new TransferSlot(request, s.KindOf(request), s.Fingerprints[i])).ToArray())
            .ToList();
        var all = submissions.SelectMany(s => s).ToList();

        var connection = _connection ??= await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var state = await BatchReader.LockAndLoadAsync(connection, all, cancellationToken);

            // The clock is read under the locks, so an expirer's scan time always precedes it.
            var now = Timestamps.ToMicroseconds(_timeProvider.GetUtcNow());
            var entries = new BatchApplier(state, now, _options.MaxReferenceLength).Apply(submissions);
            await BatchPersister.WriteAndCommitAsync(connection, all, state, entries, now, cancellationToken);
            return submissions;
        }
        catch
        {
            await DropConnectionAsync(rollback: true);
            throw;
        }
    }

    /// <summary>Ends whatever transaction is open (a broken connection has none left) and closes the connection.</summary>
    private async Task DropConnectionAsync(bool rollback)
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        try
        {
            if (rollback && connection.FullState == ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand(LedgerSql.Rollback, connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // The batch's own error is what the callers get; this one only loses the connection.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
