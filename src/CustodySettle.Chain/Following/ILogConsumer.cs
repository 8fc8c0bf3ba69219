using Npgsql;

namespace CustodySettle.Chain.Following;

/// <summary>
/// What a <see cref="LogFollower"/> feeds. Both methods run inside the follower's PostgreSQL
/// transaction, which also moves the follower's cursor: whatever the consumer writes through
/// <c>connection</c>/<c>transaction</c> commits together with the cursor or not at all, so a crash or
/// restart never misses a log and never applies one twice. A consumer must not commit, roll back or
/// open another connection for its derived state, and its work must depend only on its arguments and
/// its own tables (a failed transaction is retried from the same cursor).
/// </summary>
public interface ILogConsumer
{
    /// <summary>The follower's name: its cursor's key, stable across restarts and unique per database;
    /// 1 to 128 letters, digits, '.', '_', ':' or '-'.</summary>
    string Name { get; }

    /// <summary>
    /// Applies the logs of blocks <see cref="LogBatch.FromBlock"/> to <see cref="LogBatch.ToBlock"/>, in
    /// chain order; called for empty batches too, so finality advances reach the consumer.
    /// </summary>
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LogBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// A reorg dropped every block above <paramref name="aboveBlockNumber"/> (the common ancestor):
    /// undo everything derived from their logs. Their replacements are applied afterwards.
    /// </summary>
    Task RollbackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long aboveBlockNumber, CancellationToken cancellationToken);
}
