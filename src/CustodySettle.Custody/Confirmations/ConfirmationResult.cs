using System.Numerics;

namespace CustodySettle.Custody.Confirmations;

/// <summary>The ledger's answer to a confirmation: the transfer, its journal sequence, and the desk's available balance after it.</summary>
public sealed record ConfirmationResult(string CustodianId, string ConfirmationId, Guid TransferId, long JournalSeq, BigInteger AvailableAfter);
