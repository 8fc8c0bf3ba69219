namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts, and would race the assertions).</summary>
internal sealed class SyncProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
