using System.Numerics;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// One subaccount at one block; 18-decimal fixed point except <see cref="CustodyTokenBalance"/>, which is
/// in the token's own units (ERC-20 balanceOf).
/// </summary>
/// <param name="AccountId">The SubAccounts id.</param>
/// <param name="PerpPosition">SubAccounts.getBalance(acc, perp, 0): positive = long.</param>
/// <param name="Cash">SubAccounts.getBalance(acc, cash, 0).</param>
/// <param name="Collateral">SubAccounts.getBalance(acc, collateral, subIdOf(token)); null without a token.</param>
/// <param name="CustodyTokenBalance">token.balanceOf(holder); null without a token.</param>
/// <param name="InitialMargin">StandardManager.getMargin(acc, true).</param>
/// <param name="MaintenanceMargin">StandardManager.getMargin(acc, false).</param>
/// <param name="UnsettledAndUnrealizedCash">PerpAsset.getUnsettledAndUnrealizedCash(acc).</param>
public sealed record SubaccountState(
    BigInteger AccountId,
    BigInteger PerpPosition,
    BigInteger Cash,
    BigInteger? Collateral,
    BigInteger? CustodyTokenBalance,
    BigInteger InitialMargin,
    BigInteger MaintenanceMargin,
    BigInteger UnsettledAndUnrealizedCash);
