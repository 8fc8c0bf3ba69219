namespace CustodySettle.Chain.Contracts;

/// <summary>
/// Gas bounds of the bindings' views inside a Multicall3 <c>aggregate3</c>, from the cold cost measured
/// on anvil with the deployed contracts (aggregate3([call]) − aggregate3([]) by eth_estimateGas; later
/// calls to the same contract cost a third to a half of it), rounded up with headroom.
/// tests/.../Contracts/ReadGasTests.cs re-measures them. eth_call runs under the node's gas cap (anvil:
/// the block gas limit, 30M by default; geth: RPCGasCap, 50M), so the batched reader sizes its chunks by these.
/// </summary>
public static class ReadGas
{
    /// <summary>One or two storage reads (getBalance 8.5k, balanceOf 8.0k measured).</summary>
    public const long Light = 15_000;

    /// <summary>
    /// getUnsettledAndUnrealizedCash: a SubAccounts call and the funding arithmetic (21.7k measured on a
    /// fresh position, 30.1k once funding had accrued: ReadGasTests in CI, 2026-12-03).
    /// </summary>
    public const long Unsettled = 40_000;

    /// <summary>
    /// getMargin (61.7k measured for 3 held assets and 1 perp; roughly 10k more per held asset) and
    /// getAccountBalances (30.3k for 3): covers accounts of up to about six assets.
    /// </summary>
    public const long Margin = 100_000;
}
