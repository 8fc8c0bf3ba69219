using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>An event log, as eth_getLogs and receipts return it: <c>Topics</c> holds topic0 (the event
/// signature's hash, unless anonymous) and the indexed arguments, <c>Data</c> the ABI-encoded others;
/// <c>LogIndex</c> is the log's index in its block; <c>Removed</c> is set when a node's filter reports the
/// log as dropped by a reorg.</summary>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<Hash32> Topics,
    ReadOnlyMemory<byte> Data,
    long BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    int TransactionIndex,
    int LogIndex,
    bool Removed);
