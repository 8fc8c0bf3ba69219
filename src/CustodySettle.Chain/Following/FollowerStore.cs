using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Chain.Following;

/// <summary>One follower's cursor and stored blocks in PostgreSQL.</summary>
internal sealed class FollowerStore(string name)
{
    /// <summary>Creates the cursor at <paramref name="startBlock"/> - 1 unless it exists; returns the chain id it was created for.</summary>
    public async Task<long> EnsureCursorAsync(NpgsqlDataSource dataSource, long chainId, long startBlock, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            FollowerSql.InsertCursor, new { name, chainId, number = startBlock - 1, now }, cancellationToken: ct));
        var row = await connection.QuerySingleAsync<(long ChainId, long Number, byte[]? Hash)>(new CommandDefinition(
            FollowerSql.SelectCursor, new { name }, cancellationToken: ct));
        return row.ChainId;
    }

    public async Task<FollowerCursor> ReadCursorAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, FollowerSql.SelectCursor, ct);
    }

    public Task<FollowerCursor> LockCursorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ReadAsync(connection, transaction, FollowerSql.LockCursor, ct);

    public async Task<Dictionary<long, Hash32>> ReadBlocksAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Number, byte[] Hash)>(new CommandDefinition(
            FollowerSql.SelectBlocks, new { name }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Number, r => Hash32.FromBytes(r.Hash));
    }

    public async Task SaveBlocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Block> blocks, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(FollowerSql.UpsertBlocks, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = name });
        command.Parameters.Add(new NpgsqlParameter("numbers", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = blocks.Select(b => b.Number).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = blocks.Select(b => b.Hash.Bytes.ToArray()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("parents", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = blocks.Select(b => b.ParentHash.Bytes.ToArray()).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task AdvanceCursorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FollowerCursor cursor, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            FollowerSql.UpdateCursor, new { name, number = cursor.Number, hash = cursor.Hash?.Bytes.ToArray(), now }, transaction, cancellationToken: ct));

    public Task DeleteBlocksAboveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long number, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(FollowerSql.DeleteBlocksAbove, new { name, number }, transaction, cancellationToken: ct));

    public Task DeleteBlocksBelowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long number, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(FollowerSql.DeleteBlocksBelow, new { name, number }, transaction, cancellationToken: ct));

    private async Task<FollowerCursor> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<(long ChainId, long Number, byte[]? Hash)>(new CommandDefinition(
            sql, new { name }, transaction, cancellationToken: ct));
        return new FollowerCursor(row.Number, row.Hash is null ? null : Hash32.FromBytes(row.Hash));
    }
}
