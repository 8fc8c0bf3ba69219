using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Custody.Mirroring;

/// <summary>A recorded mint or burn (mirror_operations), from plan to confirmation.</summary>
public sealed record MirrorOperation(
    Guid OperationId,
    string DeskId,
    string CustodianId,
    int LedgerId,
    Address Token,
    Address Holder,
    MirrorKind Kind,
    BigInteger Amount,
    BigInteger EstimatedSupply,
    BigInteger LedgerHeld,
    MirrorStatus Status,
    Hash32? TransactionHash,
    long? BlockNumber,
    string Detail);

/// <summary>Which way the supply moves.</summary>
public enum MirrorKind
{
    Mint,
    Burn,
}

/// <summary>Where an operation is (0006_mirror.sql explains each).</summary>
public enum MirrorStatus
{
    Planned,
    Sent,
    Confirmed,
    Superseded,
    Failed,
}
