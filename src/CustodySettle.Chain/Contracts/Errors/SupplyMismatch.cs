using System.Numerics;

namespace CustodySettle.Chain.Contracts.Errors;

/// <summary>
/// CustodyToken's <c>SupplyMismatch(uint256 expected, uint256 actual)</c>: guardMint/guardBurn were
/// given an estimatedSupply that is no longer totalSupply() (another reconciler got there first).
/// </summary>
public sealed record SupplyMismatch(BigInteger Expected, BigInteger Actual) : ContractError;
