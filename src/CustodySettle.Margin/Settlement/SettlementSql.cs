namespace CustodySettle.Margin.Settlement;

/// <summary>Every statement the settlement store runs (0011_settlement_cycles.sql).</summary>
internal static class SettlementSql
{
    // Closing cycles is serialized: each starts where the last one ended.
    public const string LockCycles = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.settlement_cycles'))";

    public const string LastToBlock = "SELECT max(to_block) FROM settlement_cycles";

    public const string LastClosedAt = "SELECT max(closed_at) FROM settlement_cycles";

    public const string CycleColumns = """
        cycle_id AS CycleId, request_id AS RequestId, from_block AS FromBlock, to_block AS ToBlock, to_block_hash AS ToBlockHash,
        asset_code AS AssetCode, closed_by AS ClosedBy, closed_at AS ClosedAt, window_ends_at AS WindowEndsAt
        """;

    public const string CycleByRequest = $"SELECT {CycleColumns} FROM settlement_cycles WHERE request_id = @RequestId";

    public const string CycleById = $"SELECT {CycleColumns} FROM settlement_cycles WHERE cycle_id = @CycleId";

    public const string InsertCycle = """
        INSERT INTO settlement_cycles (cycle_id, request_id, from_block, to_block, to_block_hash, asset_code, closed_by, closed_at, window_ends_at)
        VALUES (@CycleId, @RequestId, @FromBlock, @ToBlock, @ToBlockHash, @AssetCode, @ClosedBy, @ClosedAt, @WindowEndsAt)
        """;

    public const string InsertEvent = """
        INSERT INTO settlement_perp_events (cycle_id, block_number, log_index, transaction_hash, subaccount_id, perp, pnl, funding, desk_id)
        VALUES (@CycleId, @BlockNumber, @LogIndex, @TransactionHash, @SubaccountId::numeric, @Perp, @Pnl::numeric, @Funding::numeric, @DeskId)
        """;

    public const string EventColumns = """
        subaccount_id::text AS SubaccountId, perp AS Perp, pnl::text AS Pnl, funding::text AS Funding, block_number AS BlockNumber,
        log_index AS LogIndex, transaction_hash AS TransactionHash
        """;

    public const string EventCount = "SELECT count(*)::int FROM settlement_perp_events WHERE cycle_id = @CycleId";

    public const string Unattributed = $"SELECT {EventColumns} FROM settlement_perp_events WHERE cycle_id = @CycleId AND desk_id IS NULL ORDER BY block_number, log_index";

    public const string DeskEvents = $"SELECT {EventColumns} FROM settlement_perp_events WHERE cycle_id = @CycleId AND desk_id = @DeskId ORDER BY block_number, log_index";

    public const string Columns = """
        settlement_id AS SettlementId, cycle_id AS CycleId, desk_id AS DeskId, custodian_id AS CustodianId, asset_code AS AssetCode,
        pnl::text AS Pnl, funding::text AS Funding, net::text AS Net, window_ends_at AS WindowEndsAt, state AS State,
        desk_figure::text AS DeskFigure, instruction_id AS InstructionId
        """;

    public const string InsertSettlement = """
        INSERT INTO settlements (settlement_id, cycle_id, desk_id, custodian_id, asset_code, pnl, funding, net, window_ends_at, state)
        VALUES (@SettlementId, @CycleId, @DeskId, @CustodianId, @AssetCode, @Pnl::numeric, @Funding::numeric, @Net::numeric, @WindowEndsAt, @State)
        """;

    public const string ById = $"SELECT {Columns} FROM settlements WHERE settlement_id = @SettlementId";

    public const string ByIdForUpdate = $"{ById} FOR UPDATE";

    public const string List = $"""
        SELECT {Columns} FROM settlements
        WHERE (@DeskId::text IS NULL OR desk_id = @DeskId) AND (@CycleId::uuid IS NULL OR cycle_id = @CycleId)
        ORDER BY window_ends_at, desk_id
        """;

    public const string ByCycle = $"SELECT {Columns} FROM settlements WHERE cycle_id = @CycleId ORDER BY desk_id";

    public const string Update = """
        UPDATE settlements SET state = @State, desk_figure = @DeskFigure::numeric, instruction_id = @InstructionId WHERE settlement_id = @SettlementId
        """;

    // The histories of many settlements in one query (a list or a cycle would otherwise take one each).
    public const string History = """
        SELECT settlement_id AS SettlementId, state AS State, actor AS Actor, at AS At, reason AS Reason, amount::text AS Amount
        FROM settlement_transitions WHERE settlement_id = ANY(@SettlementIds) ORDER BY settlement_id, sequence
        """;

    public const string InsertTransition = """
        INSERT INTO settlement_transitions (settlement_id, state, actor, at, reason, amount)
        VALUES (@SettlementId, @State, @Actor, @At, @Reason, @Amount::numeric)
        """;

    public const string DueToFinalize = "SELECT settlement_id FROM settlements WHERE state = 'pending' AND window_ends_at <= @Now ORDER BY window_ends_at LIMIT @Limit";

    public const string ToInstruct = """
        SELECT settlement_id FROM settlements
        WHERE state = 'final' AND instruction_id IS NULL AND net <> 0 AND custodian_id IS NOT NULL ORDER BY window_ends_at LIMIT @Limit
        """;
}
