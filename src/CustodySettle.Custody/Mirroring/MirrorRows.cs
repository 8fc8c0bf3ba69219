using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Custody.Mirroring;

/// <summary>Rows as Dapper reads them; amounts as text, exact at any size.</summary>
internal sealed record MirrorTargetRow(string DeskId, string Holder, string CustodianId, int LedgerId, string AssetCode, string Held)
{
    public MirrorTarget ToTarget() => new(DeskId, Address.Parse(Holder), CustodianId, LedgerId, AssetCode, MirrorRows.Amount(Held));
}

internal sealed record MirrorOperationRow(
    Guid OperationId, string DeskId, string CustodianId, int LedgerId, string Token, string Holder, string Kind, string Amount,
    string EstimatedSupply, string LedgerHeld, string Status, string? TransactionHash, long? BlockNumber, string Detail)
{
    public MirrorOperation ToOperation() => new(
        OperationId, DeskId, CustodianId, LedgerId, Address.Parse(Token), Address.Parse(Holder), Enum.Parse<MirrorKind>(Kind, ignoreCase: true),
        MirrorRows.Amount(Amount), MirrorRows.Amount(EstimatedSupply), MirrorRows.Amount(LedgerHeld), Enum.Parse<MirrorStatus>(Status, ignoreCase: true),
        TransactionHash is null ? null : Hash32.Parse(TransactionHash), BlockNumber, Detail);
}

internal static class MirrorRows
{
    public static BigInteger Amount(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
