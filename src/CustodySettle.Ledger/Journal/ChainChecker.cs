using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// Checks one ledger's entries fed in seq order, without I/O: sequence continuity, the hash link, the
/// entry's own hash, and its balance snapshots against a replay from zero. Memory grows with the number of
/// accounts and of open reservations, never with the number of entries.
/// </summary>
internal sealed class ChainChecker
{
    private readonly Dictionary<long, BalanceSnapshot> _balances = [];
    private readonly Dictionary<Guid, OpenReservation> _open = [];
    private readonly Dictionary<long, long> _firstSeq = [];
    private byte[]? _beforeLastHash;

    public byte[] LastHash { get; private set; } = JournalHasher.Genesis;

    public long LastSeq { get; private set; }

    public int AccountsReplayed => _balances.Count;

    /// <summary>Checks the next entry; on success it becomes the chain's new end.</summary>
    public ChainFault? Check(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var expected = LastSeq + 1;
        if (entry.Seq != expected)
        {
            return new ChainFault(expected, JournalBreakKind.DeletedEntry, $"seq {expected} is missing: the chain goes from {LastSeq} to {entry.Seq}");
        }

        var linked = entry.PrevHash.AsSpan().SequenceEqual(LastHash);
        var recomputed = JournalHasher.Hash(entry.PrevHash, entry);
        var intact = recomputed.AsSpan().SequenceEqual(entry.Hash);
        if (!linked)
        {
            return Unlinked(entry, intact);
        }

        var (debitAfter, creditAfter, problem) = Replay(entry);
        if (!intact)
        {
            var hint = problem is null && debitAfter == entry.DebitAfter && creditAfter == entry.CreditAfter
                ? string.Empty
                : "; its balance snapshots also disagree with the replay";
            return new ChainFault(entry.Seq, JournalBreakKind.ChangedEntry, $"stored hash {Hex(entry.Hash)} but the entry hashes to {Hex(recomputed)}{hint}");
        }

        if (problem is not null)
        {
            return new ChainFault(entry.Seq, JournalBreakKind.BalanceMismatch, problem);
        }

        if (debitAfter != entry.DebitAfter || creditAfter != entry.CreditAfter)
        {
            var account = debitAfter != entry.DebitAfter ? entry.DebitAccountId : entry.CreditAccountId;
            var (stored, replayed) = debitAfter != entry.DebitAfter ? (entry.DebitAfter, debitAfter) : (entry.CreditAfter, creditAfter);
            return new ChainFault(entry.Seq, JournalBreakKind.BalanceMismatch, $"account {account}: snapshot {stored} but the replay gives {replayed}");
        }

        Commit(entry, debitAfter, creditAfter);
        return null;
    }

    private ChainFault Unlinked(JournalEntry entry, bool intact)
    {
        if (_beforeLastHash is not null && entry.PrevHash.AsSpan().SequenceEqual(_beforeLastHash))
        {
            // Two entries chain from the same predecessor: the earlier one (hash-valid at its seq, so
            // computed by whoever forged it) was slipped in and this authentic one shifted along.
            return new ChainFault(LastSeq, JournalBreakKind.InsertedEntry, $"entries {LastSeq} and {entry.Seq} both chain from entry {LastSeq - 1}: entry {LastSeq} was inserted");
        }

        if (JournalHasher.Hash(LastHash, entry).AsSpan().SequenceEqual(entry.Hash))
        {
            return new ChainFault(entry.Seq, JournalBreakKind.ChangedEntry, $"prev_hash {Hex(entry.PrevHash)} was altered: the entry hashes correctly from {Hex(LastHash)}");
        }

        return intact
            ? new ChainFault(entry.Seq, JournalBreakKind.DeletedEntry, $"prev_hash {Hex(entry.PrevHash)} names no entry at seq {LastSeq} (whose hash is {Hex(LastHash)}): entries before it were removed or replaced", Unlinked: true)
            : new ChainFault(entry.Seq, JournalBreakKind.ChangedEntry, $"prev_hash {Hex(entry.PrevHash)} does not name entry {LastSeq} and the entry does not match its stored hash {Hex(entry.Hash)}", Unlinked: true);
    }

    private (BalanceSnapshot Debit, BalanceSnapshot Credit, string? Problem) Replay(JournalEntry entry)
    {
        var reserved = Amount.Zero;
        if (entry.Kind == JournalKinds.Pending && _open.ContainsKey(entry.TransferId))
        {
            return (default, default, $"pending transfer {entry.TransferId} is reserved twice");
        }

        if (JournalKinds.Resolves(entry.Kind))
        {
            if (entry.PendingId is not { } pendingId || !_open.TryGetValue(pendingId, out var open))
            {
                return (default, default, $"{entry.Kind} names pending transfer {entry.PendingId?.ToString() ?? "(none)"}, which is not open: never reserved, or already resolved");
            }

            if (open.DebitAccountId != entry.DebitAccountId || open.CreditAccountId != entry.CreditAccountId)
            {
                return (default, default, $"{entry.Kind} names other accounts than pending transfer {pendingId}");
            }

            if (entry.Kind == JournalKinds.PostPending && entry.Amount > open.Amount)
            {
                return (default, default, $"posts {entry.Amount}, more than the {open.Amount} reserved by {pendingId}");
            }

            reserved = open.Amount;
        }

        var (debit, debitProblem) = BalanceEffect.Apply(BalanceOf(entry.DebitAccountId), true, entry.Kind, entry.Amount, reserved);
        var (credit, creditProblem) = BalanceEffect.Apply(BalanceOf(entry.CreditAccountId), false, entry.Kind, entry.Amount, reserved);
        var problem = debitProblem is not null ? $"debit account {entry.DebitAccountId}: {debitProblem}"
            : creditProblem is not null ? $"credit account {entry.CreditAccountId}: {creditProblem}"
            : null;
        return (debit ?? default, credit ?? default, problem);
    }

    private void Commit(JournalEntry entry, BalanceSnapshot debitAfter, BalanceSnapshot creditAfter)
    {
        _balances[entry.DebitAccountId] = debitAfter;
        _balances[entry.CreditAccountId] = creditAfter;
        _firstSeq.TryAdd(entry.DebitAccountId, entry.Seq);
        _firstSeq.TryAdd(entry.CreditAccountId, entry.Seq);
        if (entry.Kind == JournalKinds.Pending)
        {
            _open[entry.TransferId] = new OpenReservation(entry.DebitAccountId, entry.CreditAccountId, entry.Amount);
        }
        else if (JournalKinds.Resolves(entry.Kind))
        {
            _open.Remove(entry.PendingId!.Value);
        }

        _beforeLastHash = LastHash;
        LastHash = entry.Hash;
        LastSeq = entry.Seq;
    }

    /// <summary>The replayed accounts with the sequence of the first entry touching each.</summary>
    internal IReadOnlyDictionary<long, long> FirstSeqs => _firstSeq;

    internal BalanceSnapshot BalanceOf(long accountId) =>
        _balances.TryGetValue(accountId, out var balance) ? balance : new BalanceSnapshot(Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero);

    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
