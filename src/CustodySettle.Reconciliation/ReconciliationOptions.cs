using System.Numerics;

namespace CustodySettle.Reconciliation;

/// <summary>How reconciliation judges and how often it runs.</summary>
public sealed record ReconciliationOptions
{
    /// <summary>A custodian whose latest statement is older than this, while it holds collateral, is a stale-statement break.</summary>
    public TimeSpan StatementStaleness { get; init; } = TimeSpan.FromHours(26);

    /// <summary>Time between scheduled runs (none when null).</summary>
    public TimeSpan? Schedule { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far apart (18 decimals) the service's initial margin of a subaccount and the venue's getMargin
    /// may be before it is a break: one USDC unit (10^-6) by default, above the venue's per-term
    /// flooring, far below any rate difference (<c>CS_RECON_MARGIN_TOLERANCE</c>).
    /// </summary>
    public BigInteger MarginTolerance { get; init; } = BigInteger.Pow(10, 12);

    /// <summary>The perp asset whose positions the subaccount lines show (the deployment's name).</summary>
    public string PerpName { get; init; } = "PerpAssetBTC";
}
