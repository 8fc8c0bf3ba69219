namespace CustodySettle.Domain.Ledger;

/// <summary>
/// Applies transfers. A call's outcomes are durable (committed) when the returned task completes, one
/// per request in order; a retry of any id returns its stored outcome. Implementations batch
/// concurrent calls into shared commits (group commit), so callers should not batch for throughput.
/// </summary>
public interface ILedgerWriter
{
    Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferRequest> transfers, CancellationToken cancellationToken);
}
