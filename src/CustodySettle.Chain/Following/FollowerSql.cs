namespace CustodySettle.Chain.Following;

/// <summary>The follower's SQL, in one place (tables: 0002_chain_following.sql).</summary>
internal static class FollowerSql
{
    public const string InsertCursor = """
        INSERT INTO chain_follower_cursors (follower_name, chain_id, block_number, block_hash, updated_at)
        VALUES (@name, @chainId, @number, NULL, @now)
        ON CONFLICT (follower_name) DO NOTHING
        """;

    public const string SelectCursor = """
        SELECT chain_id, block_number, block_hash
        FROM chain_follower_cursors
        WHERE follower_name = @name
        """;

    // Taken first in every transaction: it orders the follower's transactions (a second instance of
    // the same follower waits, then sees the cursor moved and gives up its range).
    public const string LockCursor = SelectCursor + "\nFOR UPDATE";

    public const string UpdateCursor = """
        UPDATE chain_follower_cursors
        SET block_number = @number, block_hash = @hash, updated_at = @now
        WHERE follower_name = @name
        """;

    public const string SelectBlocks = """
        SELECT block_number, block_hash
        FROM chain_follower_blocks
        WHERE follower_name = @name
        """;

    public const string UpsertBlocks = """
        INSERT INTO chain_follower_blocks (follower_name, block_number, block_hash, parent_hash)
        SELECT @name, b.number, b.hash, b.parent
        FROM unnest(@numbers, @hashes, @parents) AS b(number, hash, parent)
        ON CONFLICT (follower_name, block_number) DO UPDATE
        SET block_hash = EXCLUDED.block_hash, parent_hash = EXCLUDED.parent_hash
        """;

    public const string DeleteBlocksAbove = """
        DELETE FROM chain_follower_blocks
        WHERE follower_name = @name AND block_number > @number
        """;

    public const string DeleteBlocksBelow = """
        DELETE FROM chain_follower_blocks
        WHERE follower_name = @name AND block_number < @number
        """;
}
