using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Journal;
using Dapper;
using Npgsql;

namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>
/// Builds a valid journal without the writer: opens an asset and accounts, replays transfers in memory
/// (its own replay of the two-phase rules, independent of the code under test), chains every entry with
/// <see cref="JournalHasher"/>, and copies the entries, the head, the account counters and the transfer
/// records into the database. Entries are stamped 1 ms apart from <see cref="Start"/>.
/// </summary>
internal sealed partial class JournalBuilder(NpgsqlDataSource dataSource, int ledgerId)
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly BalanceSnapshot Zero = new(Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero);
    private readonly Dictionary<long, BalanceSnapshot> _balances = [];
    private readonly Dictionary<Guid, (long Debit, long Credit, Amount Amount)> _open = [];
    private int _flushed;

    public int LedgerId => ledgerId;

    public string AssetCode => $"T{ledgerId}";

    public List<long> Accounts { get; } = [];

    public List<JournalEntry> Entries { get; } = [];

    /// <summary>After[s] is every account's balance after seq s (After[0]: all zero).</summary>
    public List<Dictionary<long, BalanceSnapshot>> After { get; } = [new()];

    public IReadOnlyCollection<Guid> OpenPending => _open.Keys;

    public static DateTimeOffset TimeOf(long seq) => Start.AddMilliseconds(seq);

    public BalanceSnapshot BalanceOf(long account) => _balances.GetValueOrDefault(account, Zero);

    public async Task<JournalBuilder> OpenAsync(int accounts, string ownerId = "desk-1")
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO ledger_assets (ledger_id, asset_code, decimals) VALUES (@ledgerId, @code, 6) ON CONFLICT DO NOTHING",
            new { ledgerId, code = AssetCode });
        for (var i = 0; i < accounts; i++)
        {
            Accounts.Add(await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO ledger_accounts (ledger_id, owner_kind, owner_id, custodian_id, purpose)
                VALUES (@ledgerId, 'desk', @owner, 'custodian-1', @purpose) RETURNING account_id
                """,
                new { ledgerId, owner = i % 2 == 0 ? ownerId : ownerId + "-other", purpose = $"p{Accounts.Count}" }));
        }

        return this;
    }

    public void Immediate(long debit, long credit, long amount, string reference = "") =>
        Append(JournalKinds.Immediate, debit, credit, new Amount(amount), null, reference);

    public Guid Pending(long debit, long credit, long amount) =>
        Append(JournalKinds.Pending, debit, credit, new Amount(amount), null, string.Empty);

    public void Resolve(string kind, Guid pendingId, long postAmount = 0)
    {
        var open = _open[pendingId];
        Append(kind, open.Debit, open.Credit, kind == JournalKinds.PostPending ? new Amount(postAmount) : open.Amount, pendingId, string.Empty);
    }

    /// <summary>Appends <paramref name="count"/> random transfers of every kind.</summary>
    public void Random(Random rng, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var debit = Accounts[rng.Next(Accounts.Count)];
            var credit = Accounts.Where(a => a != debit).ElementAt(rng.Next(Accounts.Count - 1));
            var roll = rng.Next(10);
            if (roll >= 4 && _open.Count > 0)
            {
                var pending = _open.Keys.ElementAt(rng.Next(_open.Count));
                var kind = roll switch { < 7 => JournalKinds.PostPending, < 9 => JournalKinds.VoidPending, _ => JournalKinds.ExpirePending };
                Resolve(kind, pending, rng.NextInt64(1, (long)_open[pending].Amount.Value + 1));
            }
            else if (roll >= 2)
            {
                Pending(debit, credit, rng.NextInt64(1, 1_000_000));
            }
            else
            {
                Immediate(debit, credit, rng.NextInt64(1, 1_000_000), $"ref,{i} \"q\"");
            }
        }
    }

    /// <summary>Rewrites an entry's stored snapshot and re-chains everything after it, as an attacker with the hashing code would.</summary>
    public void ForgeSnapshotAndRechain(long seq)
    {
        var index = (int)seq - 1;
        var forged = Entries[index].DebitAfter with { DebitsPosted = new Amount(Entries[index].DebitAfter.DebitsPosted.Value + 1) };
        Entries[index] = Entries[index] with { DebitAfter = forged };
        for (var i = index; i < Entries.Count; i++)
        {
            var prev = i == 0 ? JournalHasher.Genesis : Entries[i - 1].Hash;
            Entries[i] = Entries[i] with { PrevHash = prev, Hash = JournalHasher.Hash(prev, Entries[i] with { PrevHash = prev }) };
        }
    }

    private Guid Append(string kind, long debit, long credit, Amount amount, Guid? pendingId, string reference)
    {
        var debitAfter = Effect(BalanceOf(debit), true, kind, amount, pendingId);
        var creditAfter = Effect(BalanceOf(credit), false, kind, amount, pendingId);
        var id = Guid.NewGuid();
        if (kind == JournalKinds.Pending)
        {
            _open[id] = (debit, credit, amount);
        }
        else if (pendingId is { } resolved)
        {
            _open.Remove(resolved);
        }

        _balances[debit] = debitAfter;
        _balances[credit] = creditAfter;
        After.Add(new Dictionary<long, BalanceSnapshot>(_balances));
        var seq = Entries.Count + 1L;
        var prev = Entries.Count == 0 ? JournalHasher.Genesis : Entries[^1].Hash;
        var entry = new JournalEntry(ledgerId, seq, id, kind, debit, credit, amount, pendingId, 7, reference, debitAfter, creditAfter, TimeOf(seq), prev, []);
        Entries.Add(entry with { Hash = JournalHasher.Hash(prev, entry) });
        return id;
    }

    private BalanceSnapshot Effect(BalanceSnapshot b, bool debitSide, string kind, Amount amount, Guid? pendingId)
    {
        var reserved = pendingId is { } p ? _open[p].Amount.Value : 0;
        var (pendingDelta, postedDelta) = kind switch
        {
            JournalKinds.Immediate => (0, amount.Value),
            JournalKinds.Pending => (amount.Value, 0),
            JournalKinds.PostPending => (-reserved, amount.Value),
            _ => (-reserved, System.Numerics.BigInteger.Zero),
        };
        return debitSide
            ? b with { DebitsPending = new Amount(b.DebitsPending.Value + pendingDelta), DebitsPosted = new Amount(b.DebitsPosted.Value + postedDelta) }
            : b with { CreditsPending = new Amount(b.CreditsPending.Value + pendingDelta), CreditsPosted = new Amount(b.CreditsPosted.Value + postedDelta) };
    }
}
