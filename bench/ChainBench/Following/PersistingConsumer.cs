using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Following;
using CustodySettle.Chain.Primitives;
using Npgsql;
using NpgsqlTypes;

namespace ChainBench.Following;

/// <summary>
/// Decodes every log with the ABI (<see cref="AbiEvent.DecodeLog"/>, SubAccounts' BalanceAdjusted) and
/// writes one row per log with binary COPY, inside the follower's transaction (so with its cursor).
/// </summary>
internal sealed class PersistingConsumer(string name, string table, AbiEvent balanceAdjusted) : ILogConsumer
{
    public string Name => name;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LogBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Logs.Count == 0)
        {
            return;
        }

        await using var copy = await connection.BeginBinaryImportAsync(ConsumerSql.Copy(table), cancellationToken);
        foreach (var log in batch.Logs)
        {
            var v = balanceAdjusted.DecodeLog(log.Topics, log.Data.Span);
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(log.BlockNumber, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(log.LogIndex, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(log.TransactionHash.Bytes.ToArray(), NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(v.Get<BigInteger>("accountId"), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(v.Get<Address>("manager").Bytes.ToArray(), NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(v.Get<byte[]>("assetAndSubId"), NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(v.Get<BigInteger>("amount"), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(v.Get<BigInteger>("preBalance"), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(v.Get<BigInteger>("postBalance"), NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(v.Get<BigInteger>("tradeId"), NpgsqlDbType.Numeric, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    public async Task RollbackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long aboveBlockNumber, CancellationToken cancellationToken)
    {
        await using var delete = new NpgsqlCommand(ConsumerSql.DeleteAbove(table), connection, transaction);
        delete.Parameters.AddWithValue("above", aboveBlockNumber);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
