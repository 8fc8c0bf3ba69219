using CustodySettle.Chain.Following;
using Dapper;
using Npgsql;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>
/// A consumer that stores each log in its own table inside the follower's transaction and deletes on
/// rollback. The table's keys make a log applied twice fail the transaction (and the test): the
/// primary key (block_hash, log_index), and the event's number, unique on the chain followed.
/// </summary>
internal sealed class RecordingConsumer(string name, string table) : ILogConsumer
{
    private int _batches;

    public string Name => name;

    /// <summary>Applies this many batches, then throws from every later one (a crash mid-way).</summary>
    public int FailAfterBatches { get; init; } = int.MaxValue;

    public int Batches => _batches;

    public long? LastRollbackAbove { get; private set; }

    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"""
        CREATE TABLE {table} (
            block_hash   bytea   NOT NULL,
            log_index    integer NOT NULL,
            block_number bigint  NOT NULL,
            event_number integer NOT NULL UNIQUE,
            final        boolean NOT NULL,
            PRIMARY KEY (block_hash, log_index)
        );
        GRANT SELECT, INSERT, DELETE ON {table} TO custodysettle_service;
        """);
    }

    /// <summary>The event numbers derived, ascending.</summary>
    public static async Task<IReadOnlyList<int>> EventNumbersAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<int>($"SELECT event_number FROM {table} ORDER BY event_number")];
    }

    /// <summary>The (block number, block hash) of every derived row.</summary>
    public static async Task<IReadOnlyList<(long Number, byte[] Hash)>> BlocksAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(long, byte[])>($"SELECT block_number, block_hash FROM {table} ORDER BY block_number")];
    }

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LogBatch batch, CancellationToken cancellationToken)
    {
        if (_batches >= FailAfterBatches)
        {
            throw new InvalidOperationException($"consumer {name} crashes on batch {_batches + 1} (test)");
        }

        var rows = batch.Logs.Select(log => new
        {
            hash = log.BlockHash.Bytes.ToArray(),
            index = log.LogIndex,
            number = log.BlockNumber,
            eventNumber = EventEmitter.Number(log.Data.Span),
            final = batch.IsFinal(log),
        });
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {table} (block_hash, log_index, block_number, event_number, final) VALUES (@hash, @index, @number, @eventNumber, @final)",
            rows, transaction, cancellationToken: cancellationToken));
        Interlocked.Increment(ref _batches);
    }

    public async Task RollbackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long aboveBlockNumber, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE block_number > @aboveBlockNumber", new { aboveBlockNumber }, transaction, cancellationToken: cancellationToken));
        LastRollbackAbove = aboveBlockNumber;
    }
}
