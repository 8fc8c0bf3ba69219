namespace CustodySettle.Ledger.Journal;

/// <summary>Adds the entries of the ledgers already verified to one ledger's running count.</summary>
internal sealed class OffsetProgress(long offset, IProgress<long> inner) : IProgress<long>
{
    public void Report(long value) => inner.Report(offset + value);
}
