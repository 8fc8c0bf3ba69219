using System.Numerics;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Expiry;

/// <summary>
/// Releases pending transfers whose timeout has passed, each exactly once even with several service
/// instances running (issue 5). The scan takes no locks; each release goes through the writer's batch,
/// which re-checks the pending row under its lock and records the release under a deterministic id.
/// </summary>
public sealed class PendingTransferExpirer : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresLedgerWriter _writer;
    private readonly LedgerWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PendingTransferExpirer> _logger;

    public PendingTransferExpirer(NpgsqlDataSource dataSource, PostgresLedgerWriter writer, LedgerWriterOptions options, TimeProvider timeProvider, ILogger<PendingTransferExpirer> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        (_dataSource, _writer, _options, _timeProvider, _logger) = (dataSource, writer, options, timeProvider, logger);
    }

    /// <summary>One pass: expires up to <see cref="LedgerWriterOptions.ExpiryBatchSize"/> due pending transfers; returns how many this call expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var releases = new List<TransferRequest>();
        await using (var command = _dataSource.CreateCommand(LedgerSql.DuePendings))
        {
            command.Parameters.Add(SqlParameters.Value("now", NpgsqlDbType.TimestampTz, _timeProvider.GetUtcNow().UtcDateTime));
            command.Parameters.Add(SqlParameters.Value("limit", NpgsqlDbType.Integer, _options.ExpiryBatchSize));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var pendingId = reader.GetGuid(0);
                releases.Add(new TransferRequest(
                    ExpiryIds.For(pendingId), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3),
                    new Amount(reader.GetFieldValue<BigInteger>(4)), TransferKind.VoidPending, pendingId));
            }
        }

        var outcomes = await _writer.ExpireAsync(releases, cancellationToken);
        var expired = outcomes.Count(o => o.Result == TransferResult.Ok && !o.Replayed);
        if (releases.Count > 0)
        {
            LedgerWriterLog.PendingExpired(_logger, expired, releases.Count);
        }

        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ExpiryInterval, _timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await ExpireDueAsync(stoppingToken) >= _options.ExpiryBatchSize)
                {
                    // A full pass may have left more due: go again without waiting for the timer.
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LedgerWriterLog.ExpiryFailed(_logger, error);
            }
        }
    }
}
