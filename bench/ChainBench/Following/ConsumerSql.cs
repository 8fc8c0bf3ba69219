namespace ChainBench.Following;

/// <summary>The bench consumer's table: one row per BalanceAdjusted log, keyed by its place in the chain.</summary>
internal static class ConsumerSql
{
    public static string CreateTable(string table) => $"""
        CREATE TABLE {table} (
            block_number     bigint         NOT NULL,
            log_index        integer        NOT NULL,
            transaction_hash bytea          NOT NULL,
            account_id       numeric(78, 0) NOT NULL,
            manager          bytea          NOT NULL,
            asset_and_sub_id bytea          NOT NULL,
            amount           numeric(78, 0) NOT NULL,
            pre_balance      numeric(78, 0) NOT NULL,
            post_balance     numeric(78, 0) NOT NULL,
            trade_id         numeric(78, 0) NOT NULL,
            PRIMARY KEY (block_number, log_index)
        )
        """;

    public static string Copy(string table) =>
        $"COPY {table} (block_number, log_index, transaction_hash, account_id, manager, asset_and_sub_id, amount, pre_balance, post_balance, trade_id) FROM STDIN (FORMAT BINARY)";

    public static string DeleteAbove(string table) => $"DELETE FROM {table} WHERE block_number > @above";

    /// <summary>Rows, distinct trade ids, their range, and rows whose decoded fields break the emitter's rules (accountId = tradeId + 1, post = pre + amount).</summary>
    public static string Check(string table) => $"""
        SELECT count(*), count(DISTINCT trade_id), coalesce(min(trade_id), -1)::bigint, coalesce(max(trade_id), -1)::bigint,
               count(*) FILTER (WHERE account_id <> trade_id + 1 OR post_balance <> pre_balance + amount)
        FROM {table}
        """;
}
