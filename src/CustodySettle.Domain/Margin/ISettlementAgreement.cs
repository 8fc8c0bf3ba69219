namespace CustodySettle.Domain.Margin;

/// <summary>
/// Whether the ledger, the chain and the custodian agree on a desk's collateral (issue 7, "the call is
/// settled once all three agree"). Declared here, answered by reconciliation, asked by the margin pass
/// before it settles a met call.
/// </summary>
public interface ISettlementAgreement
{
    /// <summary>
    /// The evidence that all three agree for <paramref name="deskId"/>, seen by a check that began at or
    /// after <paramref name="since"/>; null while they do not, or no such check has run yet.
    /// </summary>
    Task<string?> AgreementSinceAsync(string deskId, DateTimeOffset since, CancellationToken cancellationToken);
}
