namespace CustodySettle.Ledger.Writing;

/// <summary>How <see cref="PostgresLedgerWriter"/> batches, retries and expires.</summary>
public sealed record LedgerWriterOptions
{
    /// <summary>Most transfers applied in one transaction (TigerBeetle's batch is 8,190 transfers).
    /// A single submission may not be larger, since its linked chains cannot be split.</summary>
    public int MaxBatchSize { get; init; } = 8190;

    /// <summary>Attempts per batch when the transaction fails transiently (deadlock, lost connection, a
    /// concurrent instance's insert of the same id); then the batch's callers get the exception.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pause before a retry, doubled after each failed attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest accepted <c>Reference</c>, in characters.</summary>
    public int MaxReferenceLength { get; init; } = 256;

    /// <summary>How often <c>PendingTransferExpirer</c> looks for due pending transfers.</summary>
    public TimeSpan ExpiryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most pending transfers expired per expirer pass.</summary>
    public int ExpiryBatchSize { get; init; } = 1000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReferenceLength, 0, nameof(MaxReferenceLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ExpiryInterval, TimeSpan.Zero, nameof(ExpiryInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiryBatchSize, 1, nameof(ExpiryBatchSize));
    }
}
