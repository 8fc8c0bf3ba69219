using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyCollateralAsset <c>Deposit(uint indexed accountId, address indexed token, address indexed from, uint amount, uint amount18)</c>: the token's units and the 18-decimal balance credited.</summary>
public sealed record CollateralDeposit(BigInteger AccountId, Address Token, Address From, BigInteger Amount, BigInteger Amount18) : ContractEvent;
