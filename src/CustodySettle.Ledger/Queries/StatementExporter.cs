using System.Globalization;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Queries;

/// <summary>
/// Exports an owner's statement for a period [from, to) as RFC 4180 CSV, streamed to a writer: per account,
/// an opening row (balance at <c>from</c>), one row per journal entry in seq order with its posted movement
/// and the running balance, and a closing row (balance at <c>to</c>). Amounts are plain integers of the
/// asset's smallest unit, next to the asset code; balance = credits_posted - debits_posted.
/// Every line is tied out as it is written; a mismatch throws <see cref="StatementTieOutException"/>.
/// </summary>
public sealed class StatementExporter
{
    /// <summary>The header row, the statement's column contract.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "record", "account_id", "asset_code", "custodian_id", "purpose", "seq", "recorded_at", "transfer_id", "kind",
        "counterparty_account_id", "debit", "credit", "reference", "balance",
        "debits_posted", "credits_posted", "debits_pending", "credits_pending",
    ];

    private const int PageSize = 2_000;
    private readonly LedgerQueries _queries;

    public StatementExporter(LedgerQueries queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        _queries = queries;
    }

    public async Task<StatementSummary> ExportAsync(
        OwnerKind ownerKind, string ownerId, DateTimeOffset from, DateTimeOffset to, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        ArgumentNullException.ThrowIfNull(output);
        if (to < from)
        {
            throw new ArgumentException("the period ends before it starts", nameof(to));
        }

        await CsvRow.WriteAsync(output, Columns, cancellationToken);
        var accounts = await _queries.ListOwnedAccountsAsync(ownerKind, ownerId, cancellationToken);
        var cuts = new Dictionary<int, (long From, long To)>();
        long lines = 0;
        foreach (var owned in accounts)
        {
            var ledgerId = owned.Account.Key.LedgerId;
            if (!cuts.TryGetValue(ledgerId, out var cut))
            {
                cut = (await _queries.SequenceBeforeAsync(ledgerId, from, cancellationToken), await _queries.SequenceBeforeAsync(ledgerId, to, cancellationToken));
                cuts[ledgerId] = cut;
            }

            lines += await ExportAccountAsync(owned, cut.From, cut.To, from, to, output, cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        return new StatementSummary(accounts.Count, lines);
    }

    private async Task<long> ExportAccountAsync(
        OwnedAccount owned, long fromSeq, long toSeq, DateTimeOffset from, DateTimeOffset to, TextWriter output, CancellationToken cancellationToken)
    {
        var account = owned.Account;
        var opening = await BalanceAsync(account.Id, fromSeq, cancellationToken);
        await WriteBalanceRowAsync("opening", owned, fromSeq, from, opening, output, cancellationToken);

        var running = opening;
        long lines = 0;
        await foreach (var entry in _queries.AccountEntriesAsync(account.Id, account.Key.LedgerId, fromSeq, toSeq, PageSize, cancellationToken))
        {
            var debitSide = entry.DebitAccountId == account.Id;
            var moves = entry.Kind is JournalKinds.Immediate or JournalKinds.PostPending;
            var debit = moves && debitSide ? entry.Amount : Amount.Zero;
            var credit = moves && !debitSide ? entry.Amount : Amount.Zero;
            var snapshot = LedgerQueries.ToBalance(debitSide ? entry.DebitAfter : entry.CreditAfter);

            // Posted counters come from the movements printed; pending ones, which a statement does not
            // itemize, from the journal's snapshot. The posted ones must agree with that snapshot too.
            running = new AccountBalance(snapshot.DebitsPending, Add(running.DebitsPosted, debit), snapshot.CreditsPending, Add(running.CreditsPosted, credit));
            if (running != snapshot)
            {
                throw new StatementTieOutException(
                    $"account {account.Id}, seq {entry.Seq}: the movements give {running} but the journal records {snapshot}");
            }

            await CsvRow.WriteAsync(output,
            [
                "entry", Text(account.Id), owned.AssetCode, CsvRow.UserText(account.Key.CustodianId), account.Key.Purpose, Text(entry.Seq), Time(entry.RecordedAt),
                entry.TransferId.ToString("D"), entry.Kind, Text(debitSide ? entry.CreditAccountId : entry.DebitAccountId),
                debit.ToString(), credit.ToString(), CsvRow.UserText(entry.Reference), .. Counters(running),
            ], cancellationToken);
            lines++;
        }

        var closing = await BalanceAsync(account.Id, toSeq, cancellationToken);
        if (closing != running)
        {
            throw new StatementTieOutException(
                $"account {account.Id}: opening {opening} plus {lines} movements gives {running}, but the closing balance at seq {toSeq} is {closing}");
        }

        await WriteBalanceRowAsync("closing", owned, toSeq, to, closing, output, cancellationToken);
        return lines;
    }

    private async Task<AccountBalance> BalanceAsync(long accountId, long seq, CancellationToken cancellationToken) =>
        (await _queries.BalanceAtSequenceAsync(accountId, seq, cancellationToken))?.Balance
        ?? throw new StatementTieOutException($"account {accountId} disappeared while its statement was written");

    private static Task WriteBalanceRowAsync(
        string record, OwnedAccount owned, long seq, DateTimeOffset at, AccountBalance balance, TextWriter output, CancellationToken cancellationToken) =>
        CsvRow.WriteAsync(output,
        [
            record, Text(owned.Account.Id), owned.AssetCode, CsvRow.UserText(owned.Account.Key.CustodianId), owned.Account.Key.Purpose, Text(seq), Time(at),
            string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, .. Counters(balance),
        ], cancellationToken);

    private static string[] Counters(AccountBalance b) =>
    [
        (b.CreditsPosted.Value - b.DebitsPosted.Value).ToString(CultureInfo.InvariantCulture),
        b.DebitsPosted.ToString(), b.CreditsPosted.ToString(), b.DebitsPending.ToString(), b.CreditsPending.ToString(),
    ];

    private static Amount Add(Amount a, Amount b) =>
        a.TryAdd(b, out var sum) ? sum : throw new StatementTieOutException($"a running counter passed {Amount.MaxValue}");

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 3339 in UTC at PostgreSQL's microsecond resolution, so the column sorts and parses everywhere.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
