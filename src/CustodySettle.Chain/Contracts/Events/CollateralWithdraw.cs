using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyCollateralAsset <c>Withdraw(uint indexed accountId, address indexed token, address indexed recipient, uint amount, uint amount18)</c>.</summary>
public sealed record CollateralWithdraw(BigInteger AccountId, Address Token, Address Recipient, BigInteger Amount, BigInteger Amount18) : ContractEvent;
