using System.Globalization;
using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Journal;
using Google.Protobuf.WellKnownTypes;
using V1 = CustodySettle.Api.V1;

namespace CustodySettle.Server.Services;

/// <summary>Ledger records as LedgerService messages: amounts as exact decimal strings, hashes as hex.</summary>
internal static class LedgerMapping
{
    public static V1.Balance ToMessage(this AccountBalance balance) => Balance(
        balance.DebitsPending.Value, balance.DebitsPosted.Value, balance.CreditsPending.Value, balance.CreditsPosted.Value);

    public static V1.Balance ToMessage(this BalanceSnapshot balance) => Balance(
        balance.DebitsPending.Value, balance.DebitsPosted.Value, balance.CreditsPending.Value, balance.CreditsPosted.Value);

    public static V1.LedgerAccount ToMessage(this Account account, string assetCode) => new()
    {
        AccountId = account.Id,
        Asset = assetCode,
        OwnerKind = ToMessage(account.Key.OwnerKind),
        OwnerId = account.Key.OwnerId,
        CustodianId = account.Key.CustodianId,
        Purpose = account.Key.Purpose,
        Balance = account.Balance.ToMessage(),
        Closed = account.ClosedAt is not null,
    };

    public static V1.JournalEntry ToMessage(this JournalEntry entry, string assetCode) => new()
    {
        Asset = assetCode,
        Sequence = entry.Seq,
        TransferId = entry.TransferId.ToString(),
        Kind = entry.Kind,
        DebitAccountId = entry.DebitAccountId,
        CreditAccountId = entry.CreditAccountId,
        Amount = entry.Amount.ToString(),
        PendingId = entry.PendingId?.ToString() ?? string.Empty,
        Code = entry.Code,
        Reference = entry.Reference,
        DebitBalanceAfter = entry.DebitAfter.ToMessage(),
        CreditBalanceAfter = entry.CreditAfter.ToMessage(),
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        PrevHash = Convert.ToHexStringLower(entry.PrevHash),
        Hash = Convert.ToHexStringLower(entry.Hash),
    };

    public static V1.OwnerKind ToMessage(OwnerKind kind) => kind switch
    {
        OwnerKind.Desk => V1.OwnerKind.Desk,
        OwnerKind.Venue => V1.OwnerKind.Venue,
        OwnerKind.Custodian => V1.OwnerKind.Custodian,
        _ => V1.OwnerKind.Unspecified,
    };

    public static OwnerKind? FromMessage(V1.OwnerKind kind) => kind switch
    {
        V1.OwnerKind.Desk => OwnerKind.Desk,
        V1.OwnerKind.Venue => OwnerKind.Venue,
        V1.OwnerKind.Custodian => OwnerKind.Custodian,
        _ => null,
    };

    private static V1.Balance Balance(System.Numerics.BigInteger dp, System.Numerics.BigInteger dpo, System.Numerics.BigInteger cp, System.Numerics.BigInteger cpo) => new()
    {
        DebitsPending = dp.ToString(CultureInfo.InvariantCulture),
        DebitsPosted = dpo.ToString(CultureInfo.InvariantCulture),
        CreditsPending = cp.ToString(CultureInfo.InvariantCulture),
        CreditsPosted = cpo.ToString(CultureInfo.InvariantCulture),
        NetPosted = (cpo - dpo).ToString(CultureInfo.InvariantCulture),
    };
}
