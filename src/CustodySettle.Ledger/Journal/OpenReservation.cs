using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Journal;

/// <summary>A pending transfer the verifier's replay has seen reserved and not yet resolved.</summary>
internal readonly record struct OpenReservation(long DebitAccountId, long CreditAccountId, Amount Amount);
