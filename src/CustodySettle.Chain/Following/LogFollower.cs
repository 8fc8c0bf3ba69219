using System.Diagnostics.Metrics;
using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustodySettle.Chain.Following;

/// <summary>
/// Follows a contract's logs from a start block to the chain head, reorg-safe, exactly once. It reads
/// eth_getLogs over ranges sized to event density and to the provider's limits; keeps the hashes of the
/// blocks not yet final in PostgreSQL and checks each new block's parentHash against them; on a
/// mismatch it walks back to the common ancestor, has the consumer roll back everything above it, and
/// follows the new branch from there (Ponder, rindexer). Every log is delivered with its block, final or
/// not (<see cref="LogBatch.IsFinal"/>), unless <see cref="LogFollowerOptions.FinalizedOnly"/>. The
/// consumer's writes and the cursor commit in one transaction (<see cref="ILogConsumer"/>).
/// </summary>
public sealed partial class LogFollower : IDisposable
{
    private readonly EthClient _eth;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogConsumer _consumer;
    private readonly LogFollowerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LogFollower> _logger;
    private readonly FollowerMetrics _metrics;
    private readonly FollowerStore _store;
    private readonly BlockRangeSizer _sizer;
    private bool _started;
    private bool _caughtUp;

    public LogFollower(
        EthClient eth,
        NpgsqlDataSource dataSource,
        ILogConsumer consumer,
        LogFollowerOptions options,
        TimeProvider timeProvider,
        ILogger<LogFollower> logger,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer.Name, nameof(consumer));
        options.Validate();
        (_eth, _dataSource, _consumer, _options, _timeProvider, _logger) = (eth, dataSource, consumer, options, timeProvider, logger);
        _metrics = new FollowerMetrics(meterFactory, consumer.Name);
        _store = new FollowerStore(consumer.Name);
        _sizer = new BlockRangeSizer(options.InitialBlockRange, options.MinBlockRange, options.MaxBlockRange, options.TargetLogsPerRange);
    }

    /// <summary>The follower's (its consumer's) name.</summary>
    public string Name => _consumer.Name;

    /// <summary>
    /// Polls until cancelled: again at once while behind; after <see cref="LogFollowerOptions.PollInterval"/>
    /// once caught up, when a poll could not advance, or after a failure (logged: node and database
    /// errors are expected to pass). Returns when cancelled; throws <see cref="LogFollowerException"/>
    /// when it must not go on.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = true;
            try
            {
                // Behind, poll again at once; but not when the poll could not advance (the chain moving
                // under it, or another instance holding the cursor), which would spin against the node.
                var result = await PollOnceAsync(cancellationToken);
                wait = result.CaughtUp || result.Ranges == 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not LogFollowerException)
            {
                FollowerLog.PollFailed(_logger, error, Name);
            }

            if (wait)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One step: reads the head, rolls back a reorg if the stored blocks disagree with the chain, then
    /// applies ranges (each in its own transaction) until the head (or the finalized height) or
    /// <see cref="LogFollowerOptions.MaxRangesPerPoll"/>. What it committed stays committed if it throws.
    /// One poll at a time per instance; instances of the same follower (other processes) are safe, as
    /// every transaction locks the cursor row and gives up if another moved it.
    /// </summary>
    public async Task<PollResult> PollOnceAsync(CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        var head = await _eth.BlockNumberAsync(cancellationToken);
        var finalized = head - _options.FinalityDepth;
        var target = _options.FinalizedOnly ? finalized : head;
        var tally = new PollTally();
        FollowerCursor? cursor = await _store.ReadCursorAsync(_dataSource, cancellationToken);
        if (cursor.Value.Number >= target)
        {
            cursor = await CheckTipAsync(cursor.Value, head, tally, cancellationToken);
        }

        while (cursor is { } current && current.Number < target && tally.Ranges < _options.MaxRangesPerPoll)
        {
            var from = current.Number + 1;
            var to = Math.Min(target, from + _sizer.Current - 1);
            var (step, next) = await FollowRangeAsync(current, from, to, head, finalized, tally, cancellationToken);
            cursor = step switch
            {
                RangeStep.Advanced or RangeStep.Shrunk => next,
                RangeStep.Reorged => await RollBackAsync(current, head, tally, cancellationToken),
                _ => null,
            };
        }

        var end = cursor ?? await _store.ReadCursorAsync(_dataSource, cancellationToken);
        var caughtUp = end.Number >= target;
        _metrics.HeadLag(head - end.Number);
        if (caughtUp && !_caughtUp)
        {
            FollowerLog.CaughtUp(_logger, Name, end.Number, head);
        }

        _caughtUp = caughtUp;
        return new PollResult(
            head, finalized, end.Number, tally.Blocks, tally.Logs, tally.Ranges, tally.ReorgDepth, tally.CommonAncestor,
            tally.RangeShrinks, _sizer.Current, caughtUp);
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        var chainId = await _eth.ChainIdAsync(cancellationToken);
        if (chainId != _options.ChainId)
        {
            throw new LogFollowerException($"Follower {Name} is configured for chain {_options.ChainId} but the node serves chain {chainId}.");
        }

        var cursorChain = await _store.EnsureCursorAsync(_dataSource, chainId, _options.StartBlock, _timeProvider.GetUtcNow(), cancellationToken);
        if (cursorChain != chainId)
        {
            throw new LogFollowerException($"Follower {Name}'s cursor is for chain {cursorChain}, not {chainId}.");
        }

        var cursor = await _store.ReadCursorAsync(_dataSource, cancellationToken);
        FollowerLog.Started(_logger, Name, chainId, cursor.Number);
        _started = true;
    }

    public void Dispose() => _metrics.Dispose();
}
