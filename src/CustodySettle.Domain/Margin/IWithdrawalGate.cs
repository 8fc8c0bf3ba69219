namespace CustodySettle.Domain.Margin;

/// <summary>
/// Whether collateral may leave for a desk: not while it has a defaulted margin call (issue 7,
/// "On default the service escalates: it blocks the desk's withdrawals"). Declared here, implemented
/// by the margin engine, asked by whatever instructs a release.
/// </summary>
public interface IWithdrawalGate
{
    /// <summary>Null when the desk may withdraw; otherwise why not, for the caller.</summary>
    Task<string?> BlockedBecauseAsync(string deskId, CancellationToken cancellationToken);
}
