using System.Numerics;

namespace CustodySettle.Custody.Statements;

/// <summary>A stored line and its effect: the desk's ledger balance at the custodian before, the change, and the transfer that made it.</summary>
public sealed record StatementLineResult(
    int LineNo,
    ReportedLine Line,
    int LedgerId,
    BigInteger LedgerBalanceBefore,
    BigInteger Delta,
    LineEffect Effect,
    Guid? TransferId,
    long? JournalSeq,
    string Detail);
