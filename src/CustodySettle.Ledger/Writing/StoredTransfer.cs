using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>An idempotency record already in ledger_transfers.</summary>
internal sealed record StoredTransfer(Guid TransferId, byte[] RequestHash, string RequestJson, TransferResult Result, long? JournalSeq);
