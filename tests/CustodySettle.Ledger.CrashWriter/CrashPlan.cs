using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.CrashWriter;

/// <summary>
/// The transfers of one crash run, derived from the seed alone: a restarted process re-submits the
/// same ids with the same payloads, so every id that committed before a kill must come back as a
/// replay of its stored outcome, never as a second effect.
/// </summary>
internal sealed class CrashPlan(int ledgerId, long seed, IReadOnlyList<long> accounts)
{
    /// <summary>Accounts at these positions may not go negative, so some transfers fail (and those failures are stored too).</summary>
    public const int FirstLimitedAccount = 6;

    /// <summary>How many accounts a plan spreads over: few, so that batches contend for the same rows.</summary>
    public const int AccountCount = 8;

    /// <summary>The submission for unit <paramref name="index"/>: one transfer, or a linked chain of two (about one unit in four).</summary>
    public IReadOnlyList<TransferRequest> Unit(int index)
    {
        var h = Digest(index, -1);
        if (h[0] % 4 != 0)
        {
            return [Transfer(index, 0, h, linkedToNext: false)];
        }

        return [Transfer(index, 0, h, linkedToNext: true), Transfer(index, 1, Digest(index, 1), linkedToNext: false)];
    }

    /// <summary>How many transfer ids units 0 to count - 1 hold.</summary>
    public int TransferCount(int count)
    {
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            total += Unit(i).Count;
        }

        return total;
    }

    private TransferRequest Transfer(int index, int position, byte[] h, bool linkedToNext)
    {
        var debit = h[1] % accounts.Count;
        var credit = (debit + 1 + (h[2] % (accounts.Count - 1))) % accounts.Count;
        var amount = 1 + (BinaryPrimitives.ReadUInt32BigEndian(h.AsSpan(4)) % 1000);
        return new TransferRequest(
            Id: new Guid(Digest(index, position).AsSpan(16, 16)),
            LedgerId: ledgerId,
            DebitAccountId: accounts[debit],
            CreditAccountId: accounts[credit],
            Amount: new Amount(amount),
            LinkedToNext: linkedToNext,
            Reference: string.Create(CultureInfo.InvariantCulture, $"crash {seed} {index}.{position}"));
    }

    private byte[] Digest(int index, int position) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"crash:{seed}:{index}:{position}")));
}
