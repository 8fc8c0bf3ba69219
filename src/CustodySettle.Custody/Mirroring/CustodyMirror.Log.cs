using System.Numerics;
using CustodySettle.Chain.Primitives;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Custody.Mirroring;

/// <summary>The mirror's structured logs, with stable event ids (1000-1009).</summary>
public sealed partial class CustodyMirror
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Mirror: {Kind} {Amount} planned on {Token} (supply {Supply}, ledger {Held})")]
    private static partial void Planned(ILogger logger, MirrorKind kind, BigInteger amount, Address token, BigInteger supply, BigInteger held);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Mirror: {Kind} {Amount} on {Token} sent as {Hash}")]
    private static partial void Sent(ILogger logger, MirrorKind kind, BigInteger amount, Address token, Hash32 hash);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Mirror: {Kind} {Amount} on {Token} confirmed in block {Block}")]
    private static partial void Confirmed(ILogger logger, MirrorKind kind, BigInteger amount, Address token, long block);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Mirror: {Kind} {Amount} on {Token} ended {Status}: {Detail}")]
    private static partial void Closed(ILogger logger, MirrorKind kind, BigInteger amount, Address token, MirrorStatus status, string detail);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Mirror: custody token {Token} for desk {Desk} at {Custodian} ({Asset}) created by {Hash}")]
    private static partial void TokenCreated(ILogger logger, Address token, string desk, string custodian, string asset, Hash32 hash);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Mirror: desk {Desk} at {Custodian} ({Asset}) could not be synced this pass: {Reason}")]
    private static partial void TargetFailed(ILogger logger, string desk, string custodian, string asset, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Mirror: desk {Desk} at {Custodian} ({Asset}) holds {Held} in the ledger, below zero: not mirrored")]
    private static partial void NegativeHolding(ILogger logger, string desk, string custodian, string asset, BigInteger held);
}
