using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Reconciliation;

/// <summary>What the service's own books say about one (desk, custodian, asset), read in one snapshot.</summary>
internal sealed record LedgerSide(
    string DeskId, Address Holder, string CustodianId, int LedgerId, string Asset, int Decimals, BigInteger Held, long JournalSequence,
    string? StatementId, BigInteger? StatementBalance, bool MirrorInFlight);
