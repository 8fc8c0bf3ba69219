using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Queries;

/// <summary>
/// Which journal entries an auditor asks for; every criterion set must hold. The time range is half-open,
/// [<see cref="From"/>, <see cref="To"/>), on recorded_at. <see cref="TransferId"/> matches the transfer's own
/// entry and the entries that post, void or expire it (a two-phase transfer's whole life).
/// </summary>
public sealed record JournalFilter
{
    public int? LedgerId { get; init; }

    public long? AccountId { get; init; }

    /// <summary>With <see cref="OwnerId"/>: entries touching any account of this owner.</summary>
    public OwnerKind? OwnerKind { get; init; }

    public string? OwnerId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public Guid? TransferId { get; init; }
}
