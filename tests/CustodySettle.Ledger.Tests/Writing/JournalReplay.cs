using System.Numerics;
using Dapper;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>Replays a ledger's journal from zero: every entry's stored balances, and the accounts' final
/// counters, must equal the replay.</summary>
internal static class JournalReplay
{
    public static async Task AssertCountersMatchAsync(LedgerHarness sut)
    {
        await using var connection = await sut.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT seq AS Seq, kind AS Kind, debit_account_id AS Debit, credit_account_id AS Credit, amount::text AS Amount,
                pending_id AS PendingId, transfer_id AS TransferId,
                concat_ws(':', debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted) AS DebitAfter,
                concat_ws(':', credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted) AS CreditAfter
            FROM ledger_journal WHERE ledger_id = @ledger ORDER BY seq
            """, new { ledger = sut.LedgerId });
        var counters = new Dictionary<long, BigInteger[]>();
        var reserved = new Dictionary<Guid, BigInteger>();
        BigInteger[] Of(long id) => counters.TryGetValue(id, out var c) ? c : counters[id] = new BigInteger[4];
        foreach (var row in rows)
        {
            var (d, c, amount) = (Of(row.Debit), Of(row.Credit), BigInteger.Parse(row.Amount));
            switch (row.Kind)
            {
                case "immediate":
                    (d[1], c[3]) = (d[1] + amount, c[3] + amount);
                    break;
                case "pending":
                    (d[0], c[2]) = (d[0] + amount, c[2] + amount);
                    reserved[row.TransferId] = amount;
                    break;
                case "post_pending":
                    var held = reserved[row.PendingId!.Value];
                    (d[0], d[1], c[2], c[3]) = (d[0] - held, d[1] + amount, c[2] - held, c[3] + amount);
                    break;
                default:
                    (d[0], c[2]) = (d[0] - amount, c[2] - amount);
                    break;
            }

            Assert.Equal(string.Join(':', d), row.DebitAfter);
            Assert.Equal(string.Join(':', c), row.CreditAfter);
        }

        var stored = await connection.QueryAsync<(long Id, string Counters)>(
            "SELECT account_id, concat_ws(':', debits_pending, debits_posted, credits_pending, credits_posted) FROM ledger_accounts WHERE ledger_id = @ledger",
            new { ledger = sut.LedgerId });
        foreach (var (id, text) in stored)
        {
            Assert.Equal(string.Join(':', Of(id)), text);
        }
    }

    private sealed record Row(long Seq, string Kind, long Debit, long Credit, string Amount, Guid? PendingId, Guid TransferId, string DebitAfter, string CreditAfter);
}
