using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>What the credit support terms ask for now.</summary>
public enum MarginAction
{
    /// <summary>Within the minimum transfer amount either way.</summary>
    None,

    /// <summary>The desk must deliver <see cref="MarginDecision.Amount"/> more collateral value.</summary>
    Delivery,

    /// <summary>The venue returns <see cref="MarginDecision.Amount"/> of excess collateral value.</summary>
    Return,
}

/// <summary>
/// The figures of one margin computation (settlement currency's smallest unit): the exposure, the credit
/// support amount (exposure + IA - threshold, floored at 0), the haircut value of collateral held, and
/// the resulting action and amount.
/// </summary>
public sealed record MarginDecision(BigInteger Exposure, BigInteger CreditSupportAmount, BigInteger CollateralValue, MarginAction Action, BigInteger Amount);
