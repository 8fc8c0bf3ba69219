namespace CustodySettle.Database;

/// <summary>
/// PostgreSQL SQLSTATE codes the product reacts to, by name (Appendix A of the PostgreSQL manual),
/// so code never matches on message text (../shared/STYLE.md, after npgsql's PostgresErrorCodes).
/// </summary>
public static class PostgresErrorCodes
{
    public const string UniqueViolation = "23505";
    public const string ForeignKeyViolation = "23503";
    public const string CheckViolation = "23514";
    public const string NotNullViolation = "23502";
    public const string SerializationFailure = "40001";
    public const string DeadlockDetected = "40P01";
    public const string LockNotAvailable = "55P03";
    public const string InsufficientPrivilege = "42501";
    public const string UndefinedTable = "42P01";
    public const string DuplicateDatabase = "42P04";
    public const string QueryCanceled = "57014";
    public const string AdminShutdown = "57P01";
    public const string CannotConnectNow = "57P03";
}
