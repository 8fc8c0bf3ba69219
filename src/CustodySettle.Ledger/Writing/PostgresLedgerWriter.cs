using System.Threading.Channels;
using CustodySettle.Domain.Ledger;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// The ledger's writer on PostgreSQL, with group commit as TigerBeetle batches: concurrent
/// <see cref="SubmitAsync"/> calls queue up, and one loop per instance applies up to
/// <see cref="LedgerWriterOptions.MaxBatchSize"/> transfers per READ COMMITTED transaction, with
/// explicit row locks in a fixed order and unique keys doing the safety work (never SERIALIZABLE
/// alone, ../shared/DOMAIN.md). Callers' tasks complete only after the batch has committed.
/// Several instances, in one process or many, may write to the same database at once.
/// </summary>
public sealed partial class PostgresLedgerWriter : ILedgerWriter, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly LedgerWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresLedgerWriter> _logger;
    private readonly LedgerWriterMetrics _metrics;
    private readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public PostgresLedgerWriter(
        NpgsqlDataSource dataSource,
        LedgerWriterOptions options,
        TimeProvider timeProvider,
        ILogger<PostgresLedgerWriter> logger,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        (_dataSource, _options, _timeProvider, _logger) = (dataSource, options, timeProvider, logger);
        _metrics = new LedgerWriterMetrics(meterFactory);
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>
    /// Queues the transfers for the next batch and waits until it commits. Cancelling stops the wait,
    /// not the write: the transfers may still commit, and a retry of their ids returns what happened.
    /// </summary>
    public async Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferRequest> transfers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        if (transfers.Count == 0)
        {
            return [];
        }

        if (transfers.Count > _options.MaxBatchSize)
        {
            throw new ArgumentException($"at most {_options.MaxBatchSize} transfers per submission", nameof(transfers));
        }

        for (var i = 0; i < transfers.Count; i++)
        {
            if (transfers[i] is null || transfers[i].Reference is null)
            {
                throw new ArgumentException($"transfer {i} or its Reference is null", nameof(transfers));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await EnqueueAsync(new Submission(transfers, isExpiry: false), cancellationToken);
    }

    /// <summary>The expirer's way in: releases of due pending transfers, applied like any batch.</summary>
    internal Task<IReadOnlyList<TransferOutcome>> ExpireAsync(IReadOnlyList<TransferRequest> releases, CancellationToken cancellationToken) =>
        releases.Count == 0 ? Task.FromResult<IReadOnlyList<TransferOutcome>>([]) : EnqueueAsync(new Submission(releases, isExpiry: true), cancellationToken);

    private async Task<IReadOnlyList<TransferOutcome>> EnqueueAsync(Submission submission, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(submission), this);
        return await submission.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking submissions, finishes the queued ones, then stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            await _loop;
            _stopping.Dispose();
            _metrics.Dispose();
        }
    }
}
