using System.Numerics;

namespace CustodySettle.Chain.Contracts.Errors;

/// <summary>
/// StandardManager's <c>SRM_PortfolioBelowMargin(uint accountId, int marginAfter, int marginBefore)</c>:
/// the change left the account below initial margin and lowered it (docs/contracts.md, StandardManager).
/// </summary>
public sealed record PortfolioBelowMargin(BigInteger AccountId, BigInteger MarginAfter, BigInteger MarginBefore) : ContractError;
