namespace CustodySettle.Ledger.Journal;

/// <summary>
/// The outcome of a verification run: <see cref="IsOk"/>, or the <see cref="FirstBreak"/> at which the walk
/// stopped, plus what was checked up to then.
/// </summary>
/// <param name="LedgersChecked">Ledgers walked (the one that broke included).</param>
/// <param name="EntriesChecked">Entries whose hash, link and balances were recomputed and found valid.</param>
/// <param name="AccountsReplayed">Distinct accounts whose balances were replayed from zero.</param>
/// <param name="FirstBreak">The first broken link, or null when every chain verified.</param>
public sealed record JournalVerificationResult(int LedgersChecked, long EntriesChecked, long AccountsReplayed, JournalBreak? FirstBreak)
{
    public bool IsOk => FirstBreak is null;
}
