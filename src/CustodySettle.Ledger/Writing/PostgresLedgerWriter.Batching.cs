using System.Data;
using System.Diagnostics;

namespace CustodySettle.Ledger.Writing;

/// <summary>The group-commit loop: drain the queue into a batch, apply it in one transaction, answer.</summary>
public sealed partial class PostgresLedgerWriter
{
    private async Task RunAsync(CancellationToken cancellationToken)
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

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var state = await BatchReader.LockAndLoadAsync(connection, transaction, all, cancellationToken);

        // The clock is read under the locks, so an expirer's scan time always precedes it.
        var now = Timestamps.ToMicroseconds(_timeProvider.GetUtcNow());
        var entries = new BatchApplier(state, now, _options.MaxReferenceLength).Apply(submissions);
        await BatchPersister.WriteAsync(connection, transaction, all, state, entries, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return submissions;
    }
}
