namespace CustodySettle.Margin.Calls;

/// <summary>Every statement the margin call store runs (0010_margin_calls.sql, 0012_return_calls.sql).</summary>
internal static class MarginCallSql
{
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.margin_calls'))";

    public const string Columns = """
        call_id AS CallId, desk_id AS DeskId, amount::text AS Amount, delivered::text AS Delivered, issued_at AS IssuedAt,
        delivery_due AS DeliveryDue, defaults_at AS DefaultsAt, terms_version AS TermsVersion, state AS State, kind AS Kind,
        instruction_id AS InstructionId
        """;

    public const string Open = $"SELECT {Columns} FROM margin_calls WHERE desk_id = @DeskId AND kind = @Kind AND state NOT IN ('met', 'settled', 'cancelled') FOR UPDATE";

    // Every open call, and the history of each, for a pass over all desks.
    public const string AllOpen = $"SELECT {Columns} FROM margin_calls WHERE state NOT IN ('met', 'settled', 'cancelled')";

    public const string AllOpenHistory = """
        SELECT e.call_id AS CallId, e.state AS State, e.actor AS Actor, e.at AS At, e.reason AS Reason, e.amount::text AS Amount
        FROM margin_call_events e JOIN margin_calls c USING (call_id)
        WHERE c.state NOT IN ('met', 'settled', 'cancelled') ORDER BY e.sequence
        """;

    public const string AllMet = """
        SELECT c.desk_id AS DeskId, c.call_id AS CallId, max(e.at) AS MetAt
        FROM margin_calls c JOIN margin_call_events e ON e.call_id = c.call_id AND e.state = 'met'
        WHERE c.state = 'met'
        GROUP BY c.desk_id, c.call_id, c.issued_at ORDER BY c.issued_at
        """;

    public const string ById = $"SELECT {Columns} FROM margin_calls WHERE call_id = @CallId FOR UPDATE";

    public const string List = $"SELECT {Columns} FROM margin_calls WHERE @DeskId::text IS NULL OR desk_id = @DeskId ORDER BY issued_at, call_id";

    public const string History = """
        SELECT state AS State, actor AS Actor, at AS At, reason AS Reason, amount::text AS Amount
        FROM margin_call_events WHERE call_id = @CallId ORDER BY sequence
        """;

    public const string Insert = """
        INSERT INTO margin_calls (call_id, desk_id, terms_version, amount, delivered, issued_at, delivery_due, defaults_at, state, kind)
        VALUES (@CallId, @DeskId, @TermsVersion, @Amount::numeric, @Delivered::numeric, @IssuedAt, @DeliveryDue, @DefaultsAt, @State, @Kind)
        ON CONFLICT (desk_id, kind) WHERE state NOT IN ('met', 'settled', 'cancelled') DO NOTHING
        """;

    public const string Update = """
        UPDATE margin_calls SET amount = @Amount::numeric, delivered = @Delivered::numeric, state = @State, instruction_id = @InstructionId WHERE call_id = @CallId
        """;

    public const string InsertEvent = """
        INSERT INTO margin_call_events (call_id, desk_id, state, actor, at, reason, amount)
        VALUES (@CallId, @DeskId, @State, @Actor, @At, @Reason, @Amount::numeric)
        """;

    // Defaulted, or past its cure period and not yet marked so by a pass: blocked either way.
    public const string Defaulted = """
        SELECT call_id FROM margin_calls
        WHERE desk_id = @DeskId AND kind = 'delivery' AND (state = 'defaulted' OR (state NOT IN ('met', 'settled') AND defaults_at <= @Now))
        ORDER BY issued_at LIMIT 1
        """;

    // The custodian holding most of the desk's asset (posted), with how much: where a return comes from.
    public const string EventsAfter = """
        SELECT e.sequence AS Sequence, e.call_id AS CallId, e.desk_id AS DeskId, e.state AS State, e.actor AS Actor, e.at AS At,
               e.reason AS Reason, e.amount::text AS Amount
        FROM margin_call_events e WHERE e.sequence > @After AND (@DeskId::text IS NULL OR e.desk_id = @DeskId) ORDER BY e.sequence LIMIT @Limit
        """;
}
