using System.Numerics;

namespace CustodySettle.Custody.Statements;

/// <summary>A balance statement as a custodian sends it (validated at the edge: ids well formed, balances non-negative, one line per desk and asset).</summary>
public sealed record StatementReport(string CustodianId, string StatementId, DateTimeOffset AsOf, IReadOnlyList<ReportedLine> Lines);

/// <summary>What one desk holds of one asset at the custodian, per the statement.</summary>
public sealed record ReportedLine(string DeskId, string AssetCode, BigInteger Balance, string Reference);
